import { createElement, type ChangeEvent, type ReactNode } from 'react';

/**
 * DOM stand-ins for the Taro components the app uses: the same props (id, className, data-*,
 * aria-*, role, onClick, disabled) land on plain elements, so tests query what H5 users see. Form
 * components hand `{ detail: { value } }` to `onInput`/`onChange`, as Taro does.
 */
type StandInProps = { children?: ReactNode } & Record<string, unknown>;
type DetailHandler = (event: { detail: { value: string } }) => void;

/** Taro-only props that are no DOM attributes (React would warn about them). */
const TARO_ONLY_PROPS = [
  ...['loading', 'lazyLoad', 'mode', 'maxlength', 'password', 'onConfirm', 'onError', 'confirmType'],
  ...['markers', 'scale', 'latitude', 'longitude', 'start', 'range'],
];

function domProps(props: StandInProps): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (!TARO_ONLY_PROPS.includes(key)) result[key] = value;
  }
  return result;
}

function standIn(tag: 'div' | 'span' | 'button' | 'img', displayName: string) {
  const Component = (props: StandInProps) => createElement(tag, domProps(props));
  Component.displayName = displayName;
  return Component;
}

function field(tag: 'input' | 'textarea', displayName: string) {
  const Component = ({ onInput, password, ...props }: StandInProps) =>
    createElement(tag, {
      ...domProps(props),
      type: tag === 'input' ? (password ? 'password' : 'text') : undefined,
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
        (onInput as DetailHandler | undefined)?.({ detail: { value: event.target.value } }),
    });
  Component.displayName = displayName;
  return Component;
}

export const View = standIn('div', 'View');
export const Text = standIn('span', 'Text');
export const Button = standIn('button', 'Button');
export const Image = standIn('img', 'Image');
export const Map = standIn('div', 'Map');
export const Input = field('input', 'Input');
export const Textarea = field('textarea', 'Textarea');

/** A date picker as a text field holding `YYYY-MM-DD`, around the picker's own children. */
export function Picker({ children, onChange, value }: StandInProps) {
  return createElement(
    'label',
    { className: 'picker-stand-in' },
    createElement('input', {
      'data-picker': 'date',
      value: typeof value === 'string' ? value : '',
      onChange: (event: ChangeEvent<HTMLInputElement>) =>
        (onChange as DetailHandler | undefined)?.({ detail: { value: event.target.value } }),
    }),
    children,
  );
}
