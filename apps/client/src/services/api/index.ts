export { ApiError, ClientErrorCode, toApiError } from './api-error';
export { apiRequest, type ApiRequest, type HttpMethod } from './request';
export { fetchCategories } from './categories.api';
