import siteYaml from '../../content/site.yaml?raw';
import { parseSiteConfig } from './parse-site-config';

/** The validated site config, shared by the pages and the edge API. */
export const site = parseSiteConfig(siteYaml);

export const locales = site.locales.map((locale) => locale.code);
export const defaultLocale = site.defaultLocale;
