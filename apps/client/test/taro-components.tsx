import { createElement, type ReactNode } from 'react';

/**
 * DOM stand-ins for the few Taro components the app uses: the same props (id, className, data-*,
 * aria-*, role, onClick) land on plain elements, so tests query what H5 users see.
 */
type StandInProps = { children?: ReactNode } & Record<string, unknown>;

function standIn(tag: 'div' | 'span' | 'button', displayName: string) {
  const Component = (props: StandInProps) => createElement(tag, props);
  Component.displayName = displayName;
  return Component;
}

export const View = standIn('div', 'View');
export const Text = standIn('span', 'Text');
export const Button = standIn('button', 'Button');
