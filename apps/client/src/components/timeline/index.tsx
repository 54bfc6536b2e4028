import { Text, View } from '@tarojs/components';
import type { TicketEventView } from '@ssp/contracts';
import { PhotoGrid } from '@/components/photo-grid';
import { formatDateTime } from '@/utils/time.util';
import './index.css';

/** Residents see no staff names; the department that acted is what they can hold to account. */
function actorText(event: TicketEventView, department: string | null): string {
  switch (event.actorRole) {
    case 'system':
      return '系统';
    case 'resident':
      return '市民';
    case 'staff':
      return event.actorName ?? department ?? '工作人员';
    case 'admin':
      return event.actorName ?? '指挥中心';
  }
}

function newestFirst(events: readonly TicketEventView[]): TicketEventView[] {
  return [...events].sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime());
}

interface TimelineProps {
  events: readonly TicketEventView[];
  /** The ticket's department, named for staff steps the server shows without a person. */
  department?: string | null;
}

/** Every step of a work order, newest on top, with who acted, the note and any photos. */
export function Timeline({ events, department = null }: TimelineProps) {
  if (events.length === 0) {
    return <Text className="card__text">暂无办理记录</Text>;
  }
  return (
    <View id="timeline" className="timeline">
      {newestFirst(events).map((event, index) => (
        <View
          key={event.id}
          className={`timeline__item${index === 0 ? ' timeline__item--latest' : ''}`}
          data-action={event.action}
        >
          <View className="timeline__dot" />
          <View className="timeline__body">
            <View className="timeline__heading">
              <Text className="timeline__label">{event.label}</Text>
              <Text className="timeline__time">{formatDateTime(event.createdAt)}</Text>
            </View>
            <Text className="timeline__meta">
              {event.departmentName && event.departmentName !== actorText(event, department)
                ? `${actorText(event, department)} · ${event.departmentName}`
                : actorText(event, department)}
            </Text>
            {event.until ? <Text className="timeline__meta">期限至 {formatDateTime(event.until)}</Text> : null}
            {event.note ? <Text className="timeline__note">{event.note}</Text> : null}
            {event.trace && event.trace.length > 0 ? (
              <View className="timeline__trace">
                <Text className="timeline__trace-title">为什么派给这个部门</Text>
                {event.trace.map((line, lineIndex) => (
                  <Text key={lineIndex} className="timeline__trace-line">
                    {line}
                  </Text>
                ))}
              </View>
            ) : null}
            <PhotoGrid photos={event.photos} />
          </View>
        </View>
      ))}
    </View>
  );
}
