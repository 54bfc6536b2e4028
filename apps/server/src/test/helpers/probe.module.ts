import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { ErrorCode } from '@ssp/contracts';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { Public } from '../../core/auth/public.decorator';
import { DomainError } from '../../core/errors/domain.error';

class ProbeBody {
  @IsString()
  @MaxLength(20)
  name!: string;

  @IsInt()
  @Min(1)
  @Max(5)
  score!: number;
}

/** Routes that exercise the platform (body parsing, validation, error mapping) in integration tests. */
@Public()
@Controller('test-probe')
class ProbeController {
  @Post('echo')
  echo(@Body() body: ProbeBody): ProbeBody {
    return body;
  }

  @Get('domain-error')
  domainError(): never {
    throw new DomainError(ErrorCode.CONFLICT, '工单已被他人更新', { version: 3 });
  }

  @Get('crash')
  crash(): never {
    throw new Error('secret internal detail at /srv/app/x.ts:12');
  }
}

@Module({ controllers: [ProbeController] })
export class ProbeModule {}
