import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ModerationDecision, ModerationItem } from '@ssp/contracts';
import { ListFooter } from '@/components/list-footer';
import { PageState } from '@/components/page-state';
import { StaffGate } from '@/components/session-gate';
import { WorkHeader } from '@/components/work-header';
import { useListPageEvents, usePagedList } from '@/hooks/use-paged-list';
import { AdminNav } from '@/packages/admin/components/admin-nav';
import { MODERATION_PAGE } from '@/routes';
import { fetchModerationQueue } from '@/services/api';
import { ModerationCard } from './moderation-card';
import './index.css';

const ALREADY_DECIDED_MESSAGE = '该上报已由其他管理员处理，已为您刷新列表';

/** Reports the intake pipeline held (review): an admin lets each one continue or rejects it. */
function ModerationQueue() {
  const list = usePagedList(fetchModerationQueue, 'review');
  const [openId, setOpenId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useListPageEvents(list);

  const decided = (item: ModerationItem, decision: ModerationDecision) => {
    setNotice(null);
    list.mutate((items) => items.filter((candidate) => candidate.id !== item.id));
    void Taro.showToast({ title: decision === 'accept' ? '已通过' : '已驳回', icon: 'success' });
  };

  const conflict = () => {
    setNotice(ALREADY_DECIDED_MESSAGE);
    void list.refresh();
  };

  return (
    <>
      {notice ? (
        <View id="moderation-notice" className="form-notice" role="status">
          <Text>{notice}</Text>
        </View>
      ) : null}
      <PageState
        state={list.state}
        onRetry={() => void list.refresh()}
        isEmpty={(items) => items.length === 0}
        emptyText="审核队列已清空，没有待审核的上报"
      >
        {(items) => (
          <View id="moderation-list">
            {items.map((item) => (
              <ModerationCard
                key={item.id}
                item={item}
                locked={openId !== null && openId !== item.id}
                onOpen={(open) => setOpenId(open ? item.id : null)}
                onDecided={decided}
                onConflict={conflict}
              />
            ))}
            <ListFooter
              hasMore={list.hasMore}
              loadingMore={list.loadingMore}
              moreError={list.moreError}
              onLoadMore={() => void list.loadMore()}
            />
          </View>
        )}
      </PageState>
    </>
  );
}

export default function ModerationPage() {
  return (
    <View className="page">
      <StaffGate roles={['admin']}>
        {(user) => (
          <>
            <WorkHeader title="审核队列" subtitle={user.nickname} />
            <AdminNav current={MODERATION_PAGE} />
            <ModerationQueue />
          </>
        )}
      </StaffGate>
    </View>
  );
}
