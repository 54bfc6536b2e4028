// Reference data for the seeders: plain constants, no framework imports, safe to load in any tool.
export * from './districts.data';
export * from './departments.data';
export * from './sla-policies.data';
export * from './categories.data';
export * from './demo-accounts.data';
export * from './routing-rules.data';
