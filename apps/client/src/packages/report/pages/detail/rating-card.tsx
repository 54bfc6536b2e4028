import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import type { ReportDetail } from '@ssp/contracts';
import { rateReport, toApiError } from '@/services/api';

const SCORE_TEXT = ['', '很不满意', '不满意', '一般', '满意', '非常满意'];
const COMMENT_MAX_CHARS = 200;

function Stars({ score, onChange }: { score: number; onChange?: (score: number) => void }) {
  return (
    <View className="rating__stars">
      {[1, 2, 3, 4, 5].map((value) => (
        <Text
          key={value}
          id={onChange ? `star-${value}` : undefined}
          className={`rating__star${value <= score ? ' rating__star--on' : ''}`}
          onClick={onChange ? () => onChange(value) : undefined}
        >
          ★
        </Text>
      ))}
      {score > 0 ? <Text className="rating__score-text">{SCORE_TEXT[score]}</Text> : null}
    </View>
  );
}

/** The rating the resident gave, shown once it is in. */
export function GivenRating({ detail }: { detail: ReportDetail }) {
  if (detail.rating === null) return null;
  return (
    <View id="given-rating" className="card">
      <Text className="card__title">我的评价</Text>
      <Stars score={detail.rating} />
      {detail.ratingComment ? <Text className="card__text">{detail.ratingComment}</Text> : null}
    </View>
  );
}

/**
 * Rate the result 1–5 (closes the ticket), or send it back: 不满意重办 needs a reason, because the
 * department has to know what is still wrong.
 */
export function RatingCard({ detail, onRated }: { detail: ReportDetail; onRated: (detail: ReportDetail) => void }) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async (reopen: boolean) => {
    if (score < 1) {
      setError('请先点选星级');
      return;
    }
    const text = comment.trim();
    if (reopen && text === '') {
      setError('请写明不满意的原因，便于部门重新处理');
      return;
    }
    setSending(true);
    setError(null);
    try {
      const updated = await rateReport(detail.id, {
        score,
        ...(text ? { comment: text } : {}),
        ...(reopen ? { reopen } : {}),
      });
      onRated(updated);
      await Taro.showToast({ title: reopen ? '已提交重办申请' : '感谢您的评价', icon: 'success' });
    } catch (failure) {
      setError(toApiError(failure).message);
    } finally {
      setSending(false);
    }
  };

  return (
    <View id="rating-card" className="card">
      <Text className="card__title">{detail.canRate ? '评价办理结果' : '对办理结果不满意？'}</Text>
      <Stars score={score} onChange={setScore} />
      <Textarea
        id="rating-comment"
        className="field__textarea rating__comment"
        value={comment}
        maxlength={COMMENT_MAX_CHARS}
        placeholder={detail.canReopen ? '说说您的感受；申请重办时请写明原因' : '说说您的感受（选填）'}
        onInput={(event) => setComment(event.detail.value)}
      />
      {error ? (
        <Text id="rating-error" className="rating__error">
          {error}
        </Text>
      ) : null}
      <View className="button-row">
        {detail.canReopen ? (
          <Button id="reopen" className="danger-button" disabled={sending} onClick={() => void send(true)}>
            不满意重办
          </Button>
        ) : null}
        {detail.canRate ? (
          <Button
            id="submit-rating"
            className="primary-button"
            loading={sending}
            disabled={sending}
            onClick={() => void send(false)}
          >
            提交评价
          </Button>
        ) : null}
      </View>
    </View>
  );
}
