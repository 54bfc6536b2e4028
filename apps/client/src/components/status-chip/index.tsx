import { Text } from '@tarojs/components';
import type { StatusView } from '@/utils/status.util';

/** A ticket state or a report outcome as a coloured chip; `data-tone` lets tests read the colour. */
export function StatusChip({ view, className = '' }: { view: StatusView; className?: string }) {
  return (
    <Text className={`chip chip--${view.tone} status-chip ${className}`} data-tone={view.tone}>
      {view.label}
    </Text>
  );
}
