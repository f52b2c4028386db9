// `npm run build`: the installable extension for Chrome (MV3) and Firefox (both Manifest V3), with store-ready zips in .output/.
import { ensureNodeModules, run } from './ensure.mjs';

ensureNodeModules();
run('npx wxt build');
run('npx wxt build -b firefox');
run('npx wxt zip');
run('npx wxt zip -b firefox');
console.log('\nBuilt: .output/chrome-mv3/ and .output/firefox-mv3/ (load unpacked), zips in .output/*.zip');
