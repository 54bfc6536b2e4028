import { Global, Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { AUTH_USER_LOOKUP, type AuthUserLookup } from './auth-user.lookup';
import { TokenService } from './token.service';

/** Tokens and the global guard; the application supplies how users are looked up. */
@Global()
@Module({})
export class AuthCoreModule {
  static forRoot(lookup: { imports: DynamicModule['imports']; useExisting: Type<AuthUserLookup> }): DynamicModule {
    return {
      module: AuthCoreModule,
      imports: [...(lookup.imports ?? [])],
      providers: [
        TokenService,
        { provide: AUTH_USER_LOOKUP, useExisting: lookup.useExisting },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TokenService],
    };
  }
}
