import { enhanceSearchForms } from './search-ui.ts';

enhanceSearchForms();
