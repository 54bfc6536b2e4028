import { Inject, Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../core/config/app-config';
import { APP_CONFIG } from '../core/config/config.module';
import { bundledRegions } from './bundled-regions.util';
import { ensureDemoPassword } from './demo-credentials.util';
import { SeedRepository } from './seed.repository';
import { SeedService } from './seed.service';
import { DemoHistorySeeder } from './demo-history.seeder';

/** In embedded mode the demo city is there on first start, without a separate seed step. */
@Injectable()
class SeedOnStart implements OnApplicationBootstrap {
  constructor(
    private readonly seed: SeedService,
    private readonly demoHistory: DemoHistorySeeder,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seed.onStart) return;
    const regions = bundledRegions();
    await this.seed.run({
      regions,
      demoPassword: this.config.seed.demoAccounts ? ensureDemoPassword(this.config.dataDir) : undefined,
    });
    if (this.config.seed.demoHistory) await this.demoHistory.run(regions, new Date());
  }
}

@Module({ providers: [SeedRepository, SeedService, DemoHistorySeeder, SeedOnStart], exports: [SeedService] })
export class SeedModule {}
