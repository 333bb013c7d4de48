import { strings } from 'virtual:help-center-widget/panel';
import type { Translate } from '../../components/self-service/client/strings';

/** The panel's `t()`: its locale's strings were built into it (src/widget/build/build-widget.ts), so no request waits. */
export const t: Translate = (key, values = {}) =>
	(strings[key] ?? key).replace(/\{(\w+)\}/g, (placeholder, name: string) => String(values[name] ?? placeholder));
