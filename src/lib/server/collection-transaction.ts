import { randomBytes } from 'node:crypto';
import {
	closeSync,
	constants,
	fsyncSync,
	linkSync,
	openSync,
	readFileSync,
	readdirSync,
	renameSync,
	rmSync,
	unlinkSync,
	writeSync
} from 'node:fs';
import { copyFile, lstat, mkdir, open, realpath } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import type { ContentSource, SourceEntry } from '../content/types.ts';

/*
 * How `npm run import` and `npm run align` change the archive's only copy of its work
 * (transcripts/) without ever leaving it half-written, whatever is killed when:
 *
 * - One lock per collection (`.lock`, saying who holds it) serialises the tools.
 * - Every new file is first written under a temporary name in its own folder and flushed to disk
 *   (a new clip: a whole temporary folder). Temporary names start with `.tp-` and end in
 *   `.part`, which the build never reads.
 * - The commit writes a journal (`.commit.json`) listing the renames, then does them. A
 *   rename replaces a file whole. A kill before the journal leaves the collection as it was
 *   (plus temporary files, swept at the next lock); a kill after it is rolled forward by the next
 *   import, align or build, before anything reads the collection.
 */

const LOCK = '.lock';
const JOURNAL = '.commit.json';
const TEMPORARY = /^\.tp-[0-9a-f]+\..*\.part$/;

interface Rename {
	/** Relative to the collection's root. */
	from: string;
	to: string;
}

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** A name for a temporary file or folder next to `name`, which the build never reads. */
export function temporaryName(name: string): string {
	return `.tp-${randomBytes(6).toString('hex')}.${name}.part`;
}

/** Makes a finished rename or new file survive a power cut: the folder's entry is on disk. */
function syncFolder(folder: string): void {
	let fd: number | undefined;
	try {
		fd = openSync(folder, constants.O_RDONLY | constants.O_DIRECTORY);
		fsyncSync(fd);
	} catch {
		// Some file systems cannot sync a folder; the rename is still atomic.
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}

/**
 * Finishes a commit a kill interrupted (see above). Safe to run at any time and more than once:
 * a rename already done has nothing left at its temporary name.
 */
export function recoverInterruptedCommit(root: string): boolean {
	let journal: { renames: Rename[] };
	try {
		journal = JSON.parse(readFileSync(join(root, JOURNAL), 'utf8'));
	} catch (error) {
		if (code(error) === 'ENOENT') return false;
		// A journal is written whole before it is renamed into place: one that cannot be read
		// was never a commit.
		rmSync(join(root, JOURNAL), { force: true });
		return false;
	}
	applyRenames(root, journal.renames);
	rmSync(join(root, JOURNAL), { force: true });
	syncFolder(root);
	return true;
}

function applyRenames(root: string, renames: Rename[]): void {
	for (const { from, to } of renames) {
		if (!isTemporaryPath(from) || !insideRelative(to)) continue;
		try {
			renameSync(join(root, from), join(root, to));
		} catch (error) {
			if (code(error) !== 'ENOENT') throw error;
		}
		syncFolder(dirname(join(root, to)));
	}
}

const isTemporaryPath = (path: string) => insideRelative(path) && TEMPORARY.test(basename(path));

/** A relative path that stays inside the folder it is relative to. */
function insideRelative(path: string): boolean {
	return !isAbsolute(path) && !path.split(/[/\\]/).some((part) => part === '..' || part === '');
}

/** Removes what a killed tool left behind under temporary names, at the root and in each clip. */
function sweepTemporaries(root: string): void {
	for (const entry of readdirSync(root, { withFileTypes: true })) {
		if (TEMPORARY.test(entry.name)) {
			rmSync(join(root, entry.name), { recursive: true, force: true });
		} else if (entry.isDirectory() && !entry.name.startsWith('.')) {
			for (const name of readdirSync(join(root, entry.name))) {
				if (TEMPORARY.test(name))
					rmSync(join(root, entry.name, name), { recursive: true, force: true });
			}
		}
	}
}

interface LockHolder {
	pid: number;
	host: string;
	command: string;
	since: string;
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return code(error) === 'EPERM';
	}
}

/** Who holds the lock, in words. */
function describeHolder(holder: LockHolder): string {
	return `${holder.command} (process ${holder.pid} on ${holder.host}, since ${holder.since})`;
}

/**
 * Takes the collection's lock, waiting for another import or align to finish (`onWait` is told
 * who holds it, once). A lock whose process has died on this machine is taken over. Then an
 * interrupted commit is finished and temporary leftovers are swept. Returns the release.
 */
export async function lockCollection(
	root: string,
	command: string,
	onWait: (holder: string) => void = () => {}
): Promise<() => void> {
	const file = join(root, LOCK);
	const mine: LockHolder = {
		pid: process.pid,
		host: hostname(),
		command,
		since: new Date().toISOString().replace(/\.\d+Z$/, 'Z')
	};
	let told = false;
	for (;;) {
		try {
			const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
			writeSync(fd, JSON.stringify(mine) + '\n');
			fsyncSync(fd);
			closeSync(fd);
			break;
		} catch (error) {
			if (code(error) !== 'EEXIST') throw error;
		}
		let holder: LockHolder | undefined;
		try {
			holder = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
		} catch {
			// Being written this very moment, or left empty by a kill: look again shortly.
		}
		if (holder && holder.host === mine.host && !alive(holder.pid)) {
			rmSync(file, { force: true });
			continue;
		}
		if (holder && !told) {
			onWait(
				`${relative(process.cwd(), root) || '.'} is being changed by ${describeHolder(holder)}: waiting for it to finish (if it is no longer running, remove ${relative(process.cwd(), file)})`
			);
			told = true;
		}
		await new Promise((done) => setTimeout(done, 200));
	}
	recoverInterruptedCommit(root);
	sweepTemporaries(root);
	return () => rmSync(file, { force: true });
}

/**
 * Refuses a destination that is not a plain file or folder inside the collection: a link (which
 * a write would follow or replace), a parent that is one, or a pipe or device.
 */
async function checkDestination(root: string, path: string): Promise<void> {
	const shown = join(relative(process.cwd(), root), path);
	if (!insideRelative(path)) throw new Error(`${shown}: refused: leads outside the collection`);
	const parts = path.split(/[/\\]/);
	let at = await realpath(root);
	for (const [i, part] of parts.entries()) {
		at = join(at, part);
		const info = await lstat(at).catch((error) => {
			if (code(error) === 'ENOENT') return undefined;
			throw error;
		});
		if (!info) return;
		const last = i === parts.length - 1;
		const name = last ? 'it' : parts.slice(0, i + 1).join('/');
		if (info.isSymbolicLink()) {
			throw new Error(
				`${shown}: refused: ${name} is a symbolic link, and nothing is written through a link (replace it with the file itself)`
			);
		}
		if (!last && !info.isDirectory()) throw new Error(`${shown}: refused: ${name} is not a folder`);
		if (last && !info.isFile() && !info.isDirectory()) {
			throw new Error(`${shown}: refused: not a regular file`);
		}
	}
}

async function writeSynced(path: string, data: string | Uint8Array): Promise<void> {
	const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
	try {
		await handle.writeFile(data);
		await handle.sync();
	} finally {
		await handle.close();
	}
}

/**
 * A set of changes to the collection, staged under temporary names, then committed at once.
 * Until the commit, the collection is as it was; `abortSync` removes what was staged.
 */
export class CollectionChange {
	readonly root: string;
	readonly #renames: Rename[] = [];
	readonly #staged: string[] = [];
	/** Folder → temporary folder, for the folders made whole. */
	readonly #folders = new Map<string, string>();

	constructor(root: string) {
		this.root = root;
	}

	/** Where `path` (relative to the root) is staged; a path inside a new folder is inside its temporary one. */
	#stagedPath(path: string): string {
		const [first, ...rest] = path.split('/');
		const folder = this.#folders.get(first!);
		return folder && rest.length ? [folder, ...rest].join('/') : path;
	}

	/** A new folder, made whole: its files are written into a temporary folder, renamed at the commit. */
	async addFolder(path: string): Promise<void> {
		await checkDestination(this.root, path);
		if (await lstat(join(this.root, path)).catch(() => undefined)) {
			throw new Error(`${join(relative(process.cwd(), this.root), path)} already exists`);
		}
		const temporary = temporaryName(path);
		await mkdir(join(this.root, temporary));
		this.#staged.push(temporary);
		this.#folders.set(path, temporary);
		this.#renames.push({ from: temporary, to: path });
	}

	/** A file written whole (new, or replacing the one there). */
	async writeFile(path: string, data: string | Uint8Array): Promise<void> {
		const staged = await this.#stage(path);
		await writeSynced(join(this.root, staged), data);
	}

	/** A copy of a file from outside, e.g. the recording. */
	async copyFile(path: string, source: string): Promise<void> {
		const staged = await this.#stage(path);
		await copyFile(source, join(this.root, staged), constants.COPYFILE_EXCL);
		const handle = await open(join(this.root, staged), 'r+');
		await handle.sync().finally(() => handle.close());
	}

	/** Keeps the present version of `path` as `backup` (a second name for the same file). */
	async keepPrevious(path: string, backup: string): Promise<void> {
		const staged = await this.#stage(backup);
		linkSync(join(this.root, path), join(this.root, staged));
	}

	async #stage(path: string): Promise<string> {
		const staged = this.#stagedPath(path);
		if (staged !== path) return staged;
		await checkDestination(this.root, path);
		const temporary = join(dirname(path), temporaryName(basename(path)));
		this.#staged.push(temporary);
		this.#renames.push({ from: temporary, to: path });
		return temporary;
	}

	/**
	 * The collection as it will be after the commit, for the build's check to read: staged files
	 * stand in for the ones they replace.
	 */
	overlay(base: ContentSource): ContentSource {
		const mapped = new Map(this.#renames.map((r) => [r.to, r.from]));
		const map = (path: string) => {
			const [first, ...rest] = path.split('/');
			const folder = this.#folders.get(first!);
			if (folder) return [folder, ...rest].join('/');
			return mapped.get(path) ?? path;
		};
		return {
			root: base.root,
			list: async (folder) => {
				const entries = (await base.list(map(folder))).filter(
					(entry) => !TEMPORARY.test(entry.name)
				);
				const names = new Set(entries.map((e) => e.name));
				for (const { to } of this.#renames) {
					if (dirname(to) === (folder || '.') && !names.has(basename(to))) {
						entries.push({ name: basename(to), isFolder: this.#folders.has(to) } as SourceEntry);
					}
				}
				return entries;
			},
			readText: (path) => base.readText(map(path)),
			analyseAudio: (path) => base.analyseAudio(map(path))
		};
	}

	/**
	 * Makes every staged change at once (see the top of this file). Synchronous, so that no
	 * signal handler runs in the middle of it.
	 */
	commit(): void {
		const journal = join(this.root, JOURNAL);
		const temporary = join(this.root, temporaryName(JOURNAL));
		const fd = openSync(
			temporary,
			constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL,
			0o644
		);
		try {
			writeSync(fd, JSON.stringify({ renames: this.#renames }) + '\n');
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
		renameSync(temporary, journal);
		syncFolder(this.root);
		applyRenames(this.root, this.#renames);
		unlinkSync(journal);
		syncFolder(this.root);
		this.#staged.length = 0;
	}

	/** Removes whatever was staged; the collection is as it was. */
	abortSync(): void {
		for (const path of this.#staged.splice(0)) {
			rmSync(join(this.root, path), { recursive: true, force: true });
		}
	}
}

const interruptions = new Set<() => void>();
let watching = false;

/**
 * Runs `cleanup` if the process is interrupted (Ctrl-C, SIGTERM, the terminal closing), then
 * exits as a process killed by that signal would; cleanups registered later run first. Returns
 * a function that stops watching.
 */
export function onInterrupt(cleanup: () => void): () => void {
	if (!watching) {
		watching = true;
		for (const [signal, number] of [
			['SIGINT', 2],
			['SIGTERM', 15],
			['SIGHUP', 1]
		] as const) {
			process.on(signal, () => {
				for (const run of [...interruptions].reverse()) {
					try {
						run();
					} catch {
						// The others must still run.
					}
				}
				process.exit(128 + number);
			});
		}
	}
	interruptions.add(cleanup);
	return () => interruptions.delete(cleanup);
}
