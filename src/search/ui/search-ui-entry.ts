import { enhanceSearch } from './search-ui.ts';

enhanceSearch();
