import { useState } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';
import type { ModerationDecision, ModerationItem } from '@ssp/contracts';
import { CategoryPicker } from '@/components/category-picker';
import { PhotoGrid } from '@/components/photo-grid';
import { decideReport, toApiError, type ApiError } from '@/services/api';
import { CHECK_LABELS, VERDICT_LABELS, notableChecks } from '@/utils/intake.util';
import { formatDateTime } from '@/utils/time.util';
import { DECISION_REASON_MAX_CHARS, decisionProblem, decisionRequestOf } from './decision-form.util';

interface ModerationCardProps {
  item: ModerationItem;
  /** Another card's form is open: one decision at a time. */
  locked: boolean;
  onOpen: (open: boolean) => void;
  onDecided: (item: ModerationItem, decision: ModerationDecision) => void;
  /** 409: another admin decided first. */
  onConflict: (error: ApiError) => void;
}

function categoryHint(item: ModerationItem): string {
  const fallback = item.chosenCategory ?? item.suggestedCategory;
  return fallback ? `不选则使用：${fallback.name}` : '不选则由系统自动分类';
}

/** One held report: what the resident sent, why it is held, and the admin's accept / reject. */
export function ModerationCard({ item, locked, onOpen, onDecided, onConflict }: ModerationCardProps) {
  const [mode, setMode] = useState<ModerationDecision | null>(null);
  const [categoryCode, setCategoryCode] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const checks = notableChecks(item.checks);

  const open = (next: ModerationDecision | null) => {
    setMode(next);
    setError(null);
    onOpen(next !== null);
  };

  const send = async (decision: ModerationDecision) => {
    const values = { categoryCode, reason };
    const problem = decisionProblem(decision, values);
    if (problem) {
      setError(problem);
      return;
    }
    setSending(true);
    setError(null);
    try {
      const decided = await decideReport(item.id, decisionRequestOf(decision, values));
      onOpen(false);
      onDecided(decided, decision);
    } catch (failure) {
      const apiError = toApiError(failure);
      setSending(false);
      if (apiError.status === 409) {
        onOpen(false);
        onConflict(apiError);
      } else {
        setError(apiError.message);
      }
    }
  };

  return (
    <View className="card moderation-card" data-id={item.id}>
      <View className="moderation-card__top">
        <Text className="moderation-card__no">{item.reportNo}</Text>
        <Text className="moderation-card__time">{formatDateTime(item.createdAt)}</Text>
      </View>
      <Text className="moderation-card__meta">
        {item.regionName ?? '所在区县未知'}
        {item.reporterNickname ? ` · ${item.reporterNickname}` : ''}
        {` · ${item.location.lat.toFixed(5)}, ${item.location.lng.toFixed(5)}`}
      </Text>
      <Text className="moderation-card__description">{item.description}</Text>
      <PhotoGrid photos={item.photos} />

      <View className="moderation-card__reasons">
        {item.reasons.map((held) => (
          <Text key={held.code} className="moderation-card__reason" data-code={held.code}>
            {held.message}
          </Text>
        ))}
        {checks.map((check) => (
          <Text key={check.check} className="moderation-card__check" data-check={check.check}>
            {CHECK_LABELS[check.check]}：{VERDICT_LABELS[check.verdict]}
            {check.reason ? `（${check.reason.message}）` : ''}
          </Text>
        ))}
      </View>

      <Text className="moderation-card__meta">
        市民选择：{item.chosenCategory?.name ?? '未选择'} · 系统建议：{item.suggestedCategory?.name ?? '无'}
      </Text>

      {mode === null ? (
        <View className="button-row">
          <Button className="danger-button moderation-card__reject" disabled={locked} onClick={() => open('reject')}>
            驳回
          </Button>
          <Button className="primary-button moderation-card__accept" disabled={locked} onClick={() => open('accept')}>
            通过
          </Button>
        </View>
      ) : (
        <View className="moderation-card__form" data-mode={mode}>
          {mode === 'accept' ? (
            <CategoryPicker
              embedded
              leafOnly
              title="问题类型（可选，用于派单）"
              placeholder={categoryHint(item)}
              value={categoryCode}
              disabled={sending}
              onChange={setCategoryCode}
            />
          ) : (
            <View className="field">
              <Text className="field__label">驳回原因（市民可见，必填）</Text>
              <Textarea
                id="decision-reason"
                className="field__textarea"
                value={reason}
                maxlength={DECISION_REASON_MAX_CHARS}
                placeholder="例如：描述与照片不符，请补充现场照片后重新上报"
                onInput={(event) => setReason(event.detail.value)}
              />
            </View>
          )}
          {error ? (
            <View id="decision-error" className="moderation-card__error" role="alert">
          <Text>{error}</Text>
        </View>
          ) : null}
          <View className="button-row">
            <Button className="secondary-button" disabled={sending} onClick={() => open(null)}>
              取消
            </Button>
            <Button
              id="decision-submit"
              className={mode === 'accept' ? 'primary-button' : 'danger-button'}
              loading={sending}
              disabled={sending}
              onClick={() => void send(mode)}
            >
              {mode === 'accept' ? '确认通过' : '确认驳回'}
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}
