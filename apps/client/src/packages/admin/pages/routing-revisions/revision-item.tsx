import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { RoutingRevisionDetail, RoutingRevisionSummary } from '@ssp/contracts';
import { fetchRoutingRevision, fetchRoutingRules, rollbackRoutingRules, toApiError } from '@/services/api';
import { formatDateTime } from '@/utils/time.util';
import { RevisionDiff } from './revision-diff';

interface RevisionItemProps {
  revision: RoutingRevisionSummary;
  onRolledBack: (published: RoutingRevisionDetail) => void;
}

async function confirmRollback(revision: number): Promise<boolean> {
  const answer = await Taro.showModal({
    title: '回滚派单规则',
    content: `确定回滚到第 ${revision} 版吗？将把第 ${revision} 版的规则发布为新版本，并覆盖当前草稿中未发布的修改。`,
    confirmText: '回滚',
    confirmColor: '#c8382f',
  });
  return answer.confirm;
}

/** One published revision; opened, it shows the diff against the one before and offers a rollback. */
export function RevisionItem({ revision, onRolledBack }: RevisionItemProps) {
  const [detail, setDetail] = useState<RoutingRevisionDetail | null>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const toggle = async () => {
    setOpen(!open);
    if (open || detail) return;
    setError(null);
    try {
      setDetail(await fetchRoutingRevision(revision.revision));
    } catch (failure) {
      setError(toApiError(failure).message);
    }
  };

  const rollback = async () => {
    if (busy || !(await confirmRollback(revision.revision))) return;
    setBusy(true);
    try {
      const draft = await fetchRoutingRules();
      const published = await rollbackRoutingRules(revision.revision, { version: draft.version, note: `回滚到第 ${revision.revision} 版` });
      void Taro.showToast({ title: `已发布第 ${published.revision} 版`, icon: 'success' });
      onRolledBack(published);
    } catch (failure) {
      const apiError = toApiError(failure);
      void Taro.showToast({ title: apiError.status === 409 ? '规则已被其他管理员修改，请重试' : apiError.message, icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="revision" data-revision={revision.revision}>
      <View className="revision__top" onClick={() => void toggle()}>
        <Text className="revision__number">第 {revision.revision} 版</Text>
        {revision.live ? <Text className="chip chip--success">线上</Text> : null}
        <Text className="revision__toggle text-button">{open ? '收起' : '查看'}</Text>
      </View>
      <Text className="revision__meta">
        {revision.author ? revision.author.nickname : '系统'} · {formatDateTime(revision.publishedAt)} · {revision.ruleCount} 条规则
      </Text>
      <Text className="revision__summary">
        {revision.summary}
        {revision.rolledBackFrom !== null ? `（回滚自第 ${revision.rolledBackFrom} 版）` : ''}
      </Text>
      {revision.note ? <Text className="revision__note">说明：{revision.note}</Text> : null}
      {open ? (
        <View className="revision__detail">
          {error ? <Text className="form-error">{error}</Text> : null}
          {!error && !detail ? <Text className="card__text">加载中…</Text> : null}
          {detail ? <RevisionDiff diff={detail.diff} /> : null}
          {revision.live ? null : (
            <Button className="danger-button revision__rollback" loading={busy} disabled={busy} onClick={() => void rollback()}>
              回滚到此版本
            </Button>
          )}
        </View>
      ) : null}
    </View>
  );
}
