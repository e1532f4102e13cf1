// Keeps V8's compiled code of grow's bundle between runs. Compiling the bundle is about a third of
// a short command's start-up (`grow habit done`), more than its own work. Node 22.1 and later do
// this themselves (module.enableCompileCache, which honours NODE_COMPILE_CACHE and
// NODE_DISABLE_COMPILE_CACHE). On older Node, grow's own chunks (dist/, nothing from
// node_modules) compile through vm.Script with the data V8 made of them on an earlier run, kept,
// as Node keeps its own, in the temporary directory (grow writes nothing in HOME but its data);
// V8 refuses data of another version or other flags, and grow then compiles as usual. The data is
// taken after a run, so it holds the functions that run used too.
const Module = require('node:module');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');

/**
 * This user's directory for the data, or null. The temporary directory is shared: only a directory
 * of one's own that no one else can write is used, since what it holds runs as grow's code.
 */
function cacheDirectory() {
  const uid = typeof process.getuid === 'function' ? process.getuid() : null;
  const own = path.join(os.tmpdir(), uid === null ? 'grow-compile-cache' : `grow-compile-cache-${uid}`);
  try {
    fs.mkdirSync(own, { mode: 0o700 });
  } catch (error) {
    if (error.code !== 'EEXIST') return null;
  }
  try {
    const stat = fs.lstatSync(own);
    if (!stat.isDirectory() || (uid !== null && stat.uid !== uid) || (stat.mode & 0o022) !== 0) return null;
  } catch {
    return null;
  }
  return path.join(own, `${process.version}-${process.arch}`);
}

/** Caches the compiled code of the files under `root` (the built dist/). */
function enableCompileCache(root) {
  if (typeof Module.enableCompileCache === 'function') {
    Module.enableCompileCache();
    return;
  }
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return;
  // Source-mapped stack traces (--enable-source-maps) are registered by Node's own compile path.
  if (process.sourceMapsEnabled || process.execArgv.includes('--enable-source-maps')) return;
  const dir = cacheDirectory();
  if (dir === null) return;
  const prefix = root + path.sep;
  const fresh = [];
  const compile = Module.prototype._compile;

  Module.prototype._compile = function (content, filename) {
    if (!filename.startsWith(prefix)) return compile.call(this, content, filename);
    // The chunks' names carry a hash of their content, main.js does not: its size and time tell.
    const { mtimeMs } = fs.statSync(filename);
    const name = path.relative(root, filename).replaceAll(path.sep, '+');
    const file = path.join(dir, `${name}.${content.length}.${Math.trunc(mtimeMs)}`);
    let cachedData;
    try {
      cachedData = fs.readFileSync(file);
    } catch {}
    // The wrapper ends its line, so line and column numbers in stack traces stay those of the file.
    const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {\n${content}\n})`, {
      filename,
      lineOffset: -1,
      cachedData,
    });
    if (cachedData === undefined || script.cachedDataRejected) fresh.push({ name, file, script });
    const require = (id) => this.require(id);
    require.resolve = (request, options) => Module._resolveFilename(request, this, false, options);
    require.main = process.mainModule;
    require.cache = Module._cache;
    return script.runInThisContext({ displayErrors: true }).call(this.exports, this.exports, require, this, filename, path.dirname(filename));
  };

  process.once('exit', () => {
    if (fresh.length === 0) return;
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const old = fs.readdirSync(dir);
      for (const { name, file, script } of fresh) {
        // Another run may write the same file at once: each writes its own, then renames.
        const temporary = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(temporary, file);
        for (const other of old) if (other.startsWith(`${name}.`) && path.join(dir, other) !== file) fs.rmSync(path.join(dir, other), { force: true });
      }
    } catch {
      // No cache this time (a full disk, say): the next run compiles as this one did.
    }
  });
}

module.exports = { enableCompileCache };
