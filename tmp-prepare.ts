import { addNewTalks, joinNewPermalinks, prepareContentCopy } from './tests/helpers/new-talks';
import { buildFixtureSite } from './tests/helpers/fixture-build';
const site = await prepareContentCopy('/tmp/tl', 'nt');
console.log(JSON.stringify(await addNewTalks(site), null, 1));
const build = await buildFixtureSite(site);
console.log(build.exitCode, build.output.split('\n').slice(-15).join('\n'));
if (build.exitCode === 0) console.log('joined', await joinNewPermalinks(site));
console.log('SITE', site.dir);
