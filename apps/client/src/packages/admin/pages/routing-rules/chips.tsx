import { Text, View } from '@tarojs/components';

interface ChipsProps<T extends string> {
  name: string;
  options: readonly T[];
  label: (option: T) => string;
  /** Chosen options; one for a single choice. */
  chosen: readonly T[];
  onToggle: (option: T) => void;
}

/** Tappable options in a row: a single choice or a set, depending on what `onToggle` does. */
export function Chips<T extends string>({ name, options, label, chosen, onToggle }: ChipsProps<T>) {
  return (
    <View className="rule-chips" data-name={name}>
      {options.map((option) => (
        <Text
          key={option}
          className={`rule-chips__chip${chosen.includes(option) ? ' rule-chips__chip--active' : ''}`}
          data-value={option}
          onClick={() => onToggle(option)}
        >
          {label(option)}
        </Text>
      ))}
    </View>
  );
}

export function FieldErrors({ messages, path }: { messages: readonly string[]; path: string }) {
  if (messages.length === 0) return null;
  return (
    <View className="rule-errors" data-path={path} role="alert">
      {messages.map((message, index) => (
        <Text key={index} className="rule-errors__line">
          {message}
        </Text>
      ))}
    </View>
  );
}
