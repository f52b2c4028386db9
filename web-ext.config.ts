import { defineWebExtConfig } from 'wxt';

// `wxt dev` would try to open a browser window; this machine (and CI) is headless.
export default defineWebExtConfig({ disabled: true });
