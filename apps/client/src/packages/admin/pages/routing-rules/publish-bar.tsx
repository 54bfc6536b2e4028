import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import type { RoutingRulesDraft } from '@ssp/contracts';
import { publishRoutingRules, toApiError } from '@/services/api';

interface PublishBarProps {
  draft: RoutingRulesDraft;
  onPublished: () => void;
  onConflict: () => void;
}

/** What publishing would change, and the publish button with an optional note for the revision. */
export function PublishBar({ draft, onPublished, onConflict }: PublishBarProps) {
  const [note, setNote] = useState('');
  const [publishing, setPublishing] = useState(false);
  const live = draft.liveRevision === null ? '尚未发布' : `线上为第 ${draft.liveRevision} 版`;

  if (draft.unpublished.identical) {
    return (
      <View id="publish-bar" className="form-notice publish-bar" data-state="identical">
        <Text>草稿与线上规则一致（{live}）</Text>
      </View>
    );
  }

  const publish = async () => {
    setPublishing(true);
    try {
      const trimmed = note.trim();
      const revision = await publishRoutingRules({ version: draft.version, ...(trimmed ? { note: trimmed } : {}) });
      setNote('');
      void Taro.showToast({ title: `已发布第 ${revision.revision} 版`, icon: 'success' });
      onPublished();
    } catch (failure) {
      const error = toApiError(failure);
      if (error.status === 409) onConflict();
      else void Taro.showToast({ title: error.message, icon: 'none' });
    } finally {
      setPublishing(false);
    }
  };

  return (
    <View id="publish-bar" className="card publish-bar" data-state="changed">
      <Text id="unpublished-summary" className="publish-bar__summary">
        有未发布的修改：{draft.unpublished.summary}（{live}）
      </Text>
      <Input id="publish-note" className="field__input" value={note} maxlength={500} placeholder="发布说明（选填）" onInput={(event) => setNote(event.detail.value)} />
      <Button id="publish" className="primary-button publish-bar__button" loading={publishing} disabled={publishing} onClick={() => void publish()}>
        发布
      </Button>
    </View>
  );
}
