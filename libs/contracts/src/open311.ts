/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) as this city serves it at `/open311/v2`,
 * and the admin resource that issues its API keys (`/api/v1/admin/api-keys`).
 */

/** The attribute datatypes of a GeoReport v2 service definition. */
export const SERVICE_ATTRIBUTE_DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type ServiceAttributeDatatype = (typeof SERVICE_ATTRIBUTE_DATATYPES)[number];

/** One extra question of a category (a GeoReport v2 service definition attribute), stored on the category. */
export interface ServiceAttribute {
  /** `false`: the attribute only informs (its description is shown), no answer is expected. */
  variable: boolean;
  /** Unique within the category: `attribute[code]=value` answers it. */
  code: string;
  datatype: ServiceAttributeDatatype;
  required: boolean;
  datatypeDescription: string | null;
  /** Position in the form, 1 first; unique within the category. */
  order: number;
  description: string;
  /** Only for singlevaluelist / multivaluelist. */
  values?: Array<{ key: string; name: string }>;
}

/** An answer stored on the report: a single value, or several for a multivaluelist. */
export type ServiceAttributeAnswers = Record<string, string | string[]>;

/** An Open311 API key as admins see it; the secret itself is shown once, at creation. */
export interface ApiKeyView {
  id: string;
  name: string;
  /** The first characters of the key, so an admin can tell keys apart without the secret. */
  keyPrefix: string;
  /** The service codes (小类 codes) this key may submit; `null`: every service. */
  serviceCodes: string[] | null;
  active: boolean;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface CreatedApiKey extends ApiKeyView {
  /** The secret: shown in this response only, stored as a hash. */
  apiKey: string;
}

export interface CreateApiKeyRequest {
  name: string;
  serviceCodes?: string[] | null;
}

export interface UpdateApiKeyRequest {
  name?: string;
  serviceCodes?: string[] | null;
}
