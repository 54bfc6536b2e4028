import { View } from '@tarojs/components';
import { ListFooter } from '@/components/list-footer';
import { PageState } from '@/components/page-state';
import { StaffGate } from '@/components/session-gate';
import { WorkHeader } from '@/components/work-header';
import { useListPageEvents, usePagedList } from '@/hooks/use-paged-list';
import { AdminNav } from '@/packages/admin/components/admin-nav';
import { ROUTING_RULES_PAGE } from '@/routes';
import { fetchRoutingRevisions } from '@/services/api';
import { RevisionItem } from './revision-item';
import './index.css';

/** Published revisions of the routing rules, newest first, each with its diff and a rollback. */
function RoutingRevisions() {
  const list = usePagedList(fetchRoutingRevisions, 'routing-revisions');
  useListPageEvents(list);
  return (
    <PageState state={list.state} onRetry={() => void list.refresh()} isEmpty={(items) => items.length === 0} emptyText="还没有发布过派单规则">
      {(items) => (
        <View id="revision-list" className="card">
          {items.map((revision) => (
            <RevisionItem key={revision.revision} revision={revision} onRolledBack={() => void list.refresh()} />
          ))}
          <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} moreError={list.moreError} onLoadMore={() => void list.loadMore()} />
        </View>
      )}
    </PageState>
  );
}

export default function RoutingRevisionsPage() {
  return (
    <View className="page">
      <StaffGate roles={['admin']}>
        {(user) => (
          <>
            <WorkHeader title="派单规则版本" subtitle={user.nickname} />
            <AdminNav current={ROUTING_RULES_PAGE} />
            <RoutingRevisions />
          </>
        )}
      </StaffGate>
    </View>
  );
}
