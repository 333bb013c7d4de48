// The self-service addresses moved to src/config/page-urls.ts. This re-export stays only for
// src/integrations/search-index.ts and tests/browser/self-service-pages.test.ts, which are being moved elsewhere;
// once they import src/config/page-urls.ts, delete this file.
export { selfServicePages, selfServiceUrl, selfServiceUrls, type SelfServicePage } from '../config/page-urls.ts';
