import { ApiProperty } from '@nestjs/swagger';
import type { ServiceAttribute } from '@ssp/contracts';
import { ArrayMaxSize, IsArray } from 'class-validator';
import { ATTRIBUTE_LIMITS } from '../service-attributes.util';

/** The whole definition of a 小类; an empty list removes its questions. Items are checked by checkServiceDefinition. */
export class PutServiceDefinitionDto {
  @ApiProperty({ type: 'array', items: { type: 'object' }, maxItems: ATTRIBUTE_LIMITS.attributes, description: 'GeoReport v2 attributes (camelCase fields of ServiceAttribute)' })
  @IsArray()
  @ArrayMaxSize(ATTRIBUTE_LIMITS.attributes)
  attributes!: unknown[];
}

export interface ServiceDefinitionView {
  serviceCode: string;
  attributes: ServiceAttribute[];
}
