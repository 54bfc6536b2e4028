import { Injectable, Logger } from '@nestjs/common';
import { compileWordRules, maskPersonalData, maskText, type WordHit, type WordMatcher } from '@ssp/text';
import { WordRulesRepository } from './word-rules.repository';

/** How often an instance checks whether admins changed the word rules. */
const REFRESH_MS = 5_000;

interface CompiledRules {
  stamp: string;
  matcher: WordMatcher;
  checkedAt: number;
}

/**
 * The word rules of the database compiled into one matcher (libs/text), shared by the intake check and
 * the public views' masking. Admin edits reach every instance within seconds: each polls a cheap stamp
 * (count + last change) and recompiles only when it moved.
 */
@Injectable()
export class TextFilterService {
  private readonly logger = new Logger(TextFilterService.name);
  private compiled: Promise<CompiledRules> | null = null;
  private refreshing: Promise<void> | null = null;

  constructor(private readonly rules: WordRulesRepository) {}

  async hits(text: string): Promise<WordHit[]> {
    return (await this.current()).matcher.match(text);
  }

  /**
   * Text as anyone may read it: personal data (phones, ID numbers, plates) and every block, review
   * or mask word starred.
   */
  async publicText(text: string): Promise<string> {
    return maskPersonalData(maskText(text, await this.hits(text)));
  }

  /** Recompile on the next call (after an edit on this instance). */
  invalidate(): void {
    this.compiled = null;
  }

  private async current(): Promise<CompiledRules> {
    if (!this.compiled) {
      this.compiled = this.compile();
      this.compiled.catch(() => (this.compiled = null));
      return this.compiled;
    }
    const compiled = await this.compiled;
    if (Date.now() - compiled.checkedAt > REFRESH_MS && !this.refreshing) {
      this.refreshing = this.refresh(compiled).finally(() => (this.refreshing = null));
    }
    return compiled;
  }

  private async refresh(compiled: CompiledRules): Promise<void> {
    try {
      if ((await this.rules.stamp()) === compiled.stamp) {
        compiled.checkedAt = Date.now();
        return;
      }
      this.compiled = Promise.resolve(await this.compile());
    } catch (error) {
      this.logger.warn(`word rules refresh failed, keeping the loaded rules: ${String(error)}`);
    }
  }

  private async compile(): Promise<CompiledRules> {
    const [stamp, rows] = await Promise.all([this.rules.stamp(), this.rules.enabled()]);
    const matcher = compileWordRules(
      rows.map((row) => ({ id: row.id, pattern: row.pattern, level: row.level, category: row.category, matchMode: row.matchMode })),
    );
    return { stamp, matcher, checkedAt: Date.now() };
  }
}
