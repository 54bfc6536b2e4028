import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CategorySuggestion } from '@ssp/contracts';
import { loadClassifierModel, normalizeText, type TextClassifier } from '@ssp/text';
import type { AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import type { Category } from '../categories/entities/category.entity';
import { ClassificationRulesRepository } from './classification-rules.repository';
import { ClassifierModelsRepository } from './classifier-models.repository';

/** The model trained from tools/classifier/corpus, shipped with the server (copied into dist by the build). */
export const SHIPPED_MODEL_PATH = path.join(__dirname, 'model', 'default.model.json');

export interface Classification {
  category: Category;
  confidence: number;
  source: 'keyword_rule' | 'model';
  /** The keyword of the rule that decided, for the trace. */
  keyword?: string;
}

interface LoadedState {
  modelVersion: number | null;
  classifier: TextClassifier;
  rulesStamp: string;
  rules: Array<{ keyword: string; category: Category }>;
  categories: Map<string, Category>;
  loadedAt: number;
}

/**
 * Suggests and decides a report's category (ARCHITECTURE.md §6 step 3): an admin's keyword rule wins,
 * else the newest trained model. Every instance polls the database for new versions, so a retrained
 * model or an edited rule takes effect everywhere within seconds, without a restart.
 */
@Injectable()
export class ClassifierService {
  private readonly logger = new Logger(ClassifierService.name);
  private state: Promise<LoadedState> | null = null;
  private refreshing: Promise<void> | null = null;
  private shipped: Promise<TextClassifier> | null = null;

  constructor(
    private readonly models: ClassifierModelsRepository,
    private readonly rules: ClassificationRulesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get minConfidence(): number {
    return this.config.classifier.minConfidence;
  }

  async suggest(text: string, top = 3): Promise<CategorySuggestion[]> {
    const state = await this.current();
    const suggestions: CategorySuggestion[] = [];
    const ruled = this.byKeyword(state, text);
    if (ruled) suggestions.push(this.suggestion(ruled.category, 1));
    for (const prediction of state.classifier.predict(text, top + 1)) {
      const category = state.categories.get(prediction.label);
      if (!category || suggestions.some((known) => known.code === category.code)) continue;
      suggestions.push(this.suggestion(category, prediction.confidence));
    }
    return suggestions.slice(0, top);
  }

  /** The best category for a text, or null when the text names no active category at all. */
  async classify(text: string): Promise<Classification | null> {
    const state = await this.current();
    const ruled = this.byKeyword(state, text);
    if (ruled) return { category: ruled.category, confidence: 1, source: 'keyword_rule', keyword: ruled.keyword };
    for (const prediction of state.classifier.predict(text, 5)) {
      const category = state.categories.get(prediction.label);
      if (category) return { category, confidence: prediction.confidence, source: 'model' };
    }
    return null;
  }

  /** Forgets what is loaded: the next call reloads (after an admin changed rules on this instance). */
  invalidate(): void {
    this.state = null;
  }

  private byKeyword(state: LoadedState, text: string): { keyword: string; category: Category } | null {
    const normalised = normalizeText(text).text;
    // The longest keyword wins, so 井盖缺失 beats 井盖.
    let best: { keyword: string; category: Category } | null = null;
    for (const rule of state.rules) {
      if (normalised.includes(rule.keyword) && (!best || rule.keyword.length > best.keyword.length)) best = rule;
    }
    return best;
  }

  private suggestion(category: Category, confidence: number): CategorySuggestion {
    return { code: category.code, name: category.name, parentName: category.parent?.name ?? null, confidence: round(confidence) };
  }

  private async current(): Promise<LoadedState> {
    if (!this.state) {
      this.state = this.load(null);
      this.state.catch(() => (this.state = null));
      return this.state;
    }
    const state = await this.state;
    if (Date.now() - state.loadedAt > this.config.classifier.refreshSeconds * 1000 && !this.refreshing) {
      this.refreshing = this.refresh(state).finally(() => (this.refreshing = null));
    }
    return state;
  }

  /** Cheap stamps first; reload only what changed. A failed refresh keeps the loaded state. */
  private async refresh(state: LoadedState): Promise<void> {
    try {
      const [modelVersion, rulesStamp] = await Promise.all([this.models.latestVersion(), this.rules.stamp()]);
      if (modelVersion === state.modelVersion && rulesStamp === state.rulesStamp) {
        state.loadedAt = Date.now();
        return;
      }
      const next = await this.load(modelVersion === state.modelVersion ? state : null);
      this.state = Promise.resolve(next);
    } catch (error) {
      this.logger.warn(`classifier refresh failed, keeping version ${state.modelVersion ?? 'shipped'}: ${String(error)}`);
    }
  }

  private async load(keepModelFrom: LoadedState | null): Promise<LoadedState> {
    const [modelVersion, rulesStamp, rules, categories] = await Promise.all([
      this.models.latestVersion(),
      this.rules.stamp(),
      this.rules.enabled(),
      this.rules.activeCategories(),
    ]);
    const classifier = keepModelFrom ? keepModelFrom.classifier : await this.loadModel(modelVersion);
    if (!keepModelFrom) this.logger.log(`classifier model ${modelVersion === null ? 'shipped' : `v${modelVersion}`} loaded`);
    return {
      modelVersion,
      classifier,
      rulesStamp,
      rules: rules.flatMap((rule) => (rule.category ? [{ keyword: normalizeText(rule.keyword).text, category: rule.category }] : [])),
      categories: new Map(categories.filter((category) => category.parentId !== null).map((category) => [category.code, category])),
      loadedAt: Date.now(),
    };
  }

  private async loadModel(version: number | null): Promise<TextClassifier> {
    if (version !== null) {
      const record = await this.models.findByVersion(version);
      if (record) return loadClassifierModel(record.content);
    }
    this.shipped ??= readFile(SHIPPED_MODEL_PATH, 'utf8').then((content) => loadClassifierModel(content));
    return this.shipped;
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
