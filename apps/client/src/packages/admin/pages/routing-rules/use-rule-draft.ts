import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { RoutingRulesDraft } from '@ssp/contracts';
import type { RoutingRule, RuleValidationError } from '@ssp/rules';
import { saveRoutingRules, toApiError } from '@/services/api';
import { validationErrorsOf } from './rule-errors.util';

export interface RuleDraftSaving {
  saving: boolean;
  errors: RuleValidationError[];
  /** Another admin saved first (409): the page offers a reload instead of overwriting. */
  conflict: boolean;
  /** Saves the whole set; resolves true when the server took it. */
  save: (rules: RoutingRule[]) => Promise<boolean>;
  clear: () => void;
  /** A publish was refused as stale: show the same reload offer. */
  markConflict: () => void;
}

/** PUT of the whole rule set against the draft version on screen, with the server's refusals kept for the form. */
export function useRuleDraftSaving(draft: RoutingRulesDraft, onSaved: (draft: RoutingRulesDraft) => void): RuleDraftSaving {
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<RuleValidationError[]>([]);
  const [conflict, setConflict] = useState(false);

  const save = async (rules: RoutingRule[]) => {
    setSaving(true);
    try {
      const saved = await saveRoutingRules({ version: draft.version, rules });
      setErrors([]);
      onSaved(saved);
      void Taro.showToast({ title: '草稿已保存', icon: 'success' });
      return true;
    } catch (failure) {
      const error = toApiError(failure);
      if (error.status === 409) {
        setConflict(true);
      } else if (error.status === 400 && validationErrorsOf(error).length > 0) {
        setErrors(validationErrorsOf(error));
      } else {
        void Taro.showToast({ title: error.message, icon: 'none' });
      }
      return false;
    } finally {
      setSaving(false);
    }
  };

  const clear = () => {
    setErrors([]);
    setConflict(false);
  };

  return { saving, errors, conflict, save, clear, markConflict: () => setConflict(true) };
}
