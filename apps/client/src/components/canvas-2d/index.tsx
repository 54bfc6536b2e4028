import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { Canvas } from '@tarojs/components';
import './index.css';

export interface CanvasSize {
  width: number;
  height: number;
}

/** Draws on a context scaled to CSS pixels: (0, 0) top left, `size` in CSS pixels. */
export type CanvasPainter = (context: CanvasRenderingContext2D, size: CanvasSize) => void;

interface Canvas2DProps {
  /** Unique on the page: the selector query finds the canvas by it. */
  id: string;
  /** CSS pixels; the width is the container's. */
  height: number;
  paint: CanvasPainter;
  /** What the picture shows, for screen readers (the page shows the same numbers as text too). */
  label: string;
}

interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): CanvasRenderingContext2D | null;
}

function pixelRatio(): number {
  try {
    return Math.min(3, Math.max(1, Taro.getSystemInfoSync().pixelRatio || 1));
  } catch {
    return 1;
  }
}

/**
 * A 2D canvas (the `type="2d"` API, the same in the mini program and the browser) that repaints when
 * `paint` changes: the caller memoises it on its data. The backing store is sized to the device's
 * pixel ratio so lines and Chinese labels stay sharp.
 */
export function Canvas2D({ id, height, paint, label }: Canvas2DProps) {
  useEffect(() => {
    let cancelled = false;
    // After this render is committed to the page, so the query finds the node.
    Taro.nextTick(() => {
      // Two requests, not one `fields({ node, size })`: Taro's H5 query answers that with the node only.
      const query = Taro.createSelectorQuery();
      query.select(`#${id}`).node();
      query.select(`#${id}`).boundingClientRect();
      query.exec((results: [{ node?: CanvasNode } | null, { width?: number; height?: number } | null]) => {
        const node = results[0]?.node;
        const width = results[1]?.width ?? 0;
        const height = results[1]?.height ?? 0;
        if (cancelled || !node || width <= 0 || height <= 0) return;
        const context = node.getContext('2d');
        if (!context) return;
        const ratio = pixelRatio();
        node.width = Math.round(width * ratio);
        node.height = Math.round(height * ratio);
        context.setTransform(ratio, 0, 0, ratio, 0, 0);
        context.clearRect(0, 0, width, height);
        paint(context, { width, height });
      });
    });
    return () => {
      cancelled = true;
    };
  }, [id, paint]);

  return <Canvas id={id} type="2d" className="canvas-2d" style={{ height: `${height}px` }} aria-label={label} />;
}
