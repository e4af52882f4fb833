import { constants, type Dirent, type Stats } from 'node:fs';
import { lstat, open, readdir, readlink, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { MAX_TEXT_FILE_BYTES, megabytes } from '../content/limits.ts';
import { RefusedFile, type SourceEntry } from '../content/types.ts';

/*
 * The only way the build reads the collection's folder. It reads regular files only, never
 * blocks on a pipe or a device, and never leaves the collection: a link is followed only when
 * its real path is inside the collection's real path. Anything else is refused with a reason
 * an archivist can act on.
 */

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** What a special file is, in words. */
function kindOf(info: Stats | Dirent): string {
	if (info.isDirectory()) return 'a folder';
	if (info.isFIFO()) return 'a named pipe (FIFO)';
	if (info.isSocket()) return 'a socket';
	if (info.isCharacterDevice()) return 'a character device';
	if (info.isBlockDevice()) return 'a block device';
	return 'a special file';
}

export class CollectionFiles {
	#root: string;
	#realRoot: Promise<string> | undefined;

	constructor(root: string) {
		this.#root = root;
	}

	/** The collection's own real path (it may itself be a link, which is fine). */
	#real(): Promise<string> {
		this.#realRoot ??= realpath(this.#root).catch(() => this.#root);
		return this.#realRoot;
	}

	async #inside(path: string): Promise<boolean> {
		const within = relative(await this.#real(), path);
		return (
			within === '' || (!within.startsWith(`..${sep}`) && within !== '..' && !isAbsolute(within))
		);
	}

	/**
	 * The real path of an entry that exists, or undefined if nothing is there. Throws RefusedFile
	 * for a path that climbs out, a broken link, a link loop, or a link that leaves the collection.
	 */
	async #resolve(path: string): Promise<string | undefined> {
		if (isAbsolute(path) || path.split(/[/\\]/).includes('..')) {
			throw new RefusedFile('refused: the path leads outside the collection');
		}
		const full = join(this.#root, path);
		try {
			await lstat(full);
		} catch (error) {
			if (code(error) === 'ENOENT' || code(error) === 'ENOTDIR') return undefined;
			throw new RefusedFile(`cannot be read (${code(error) ?? (error as Error).message})`);
		}
		let real: string;
		try {
			real = await realpath(full);
		} catch (error) {
			if (code(error) === 'ELOOP') throw new RefusedFile('not read: a loop of symbolic links');
			const target = await readlink(full).catch(() => '?');
			throw new RefusedFile(`not read: a symbolic link to "${target}", which does not exist`);
		}
		if (!(await this.#inside(real))) {
			throw new RefusedFile(
				`refused: a link to ${real}, outside the collection (copy the file into the collection instead)`
			);
		}
		return real;
	}

	/** Entries of a folder, each with the reason it will not be read, if it will not. */
	async list(folder: string): Promise<SourceEntry[]> {
		let entries: Dirent[];
		try {
			entries = await readdir(join(this.#root, folder), { withFileTypes: true });
		} catch (error) {
			if (code(error) === 'ENOENT' || code(error) === 'ENOTDIR') return [];
			throw error;
		}
		return Promise.all(entries.map((entry) => this.#entry(folder, entry)));
	}

	async #entry(folder: string, entry: Dirent): Promise<SourceEntry> {
		const { name } = entry;
		if (entry.isDirectory()) return { name, isFolder: true };
		if (entry.isFile()) return { name, isFolder: false };
		if (!entry.isSymbolicLink()) {
			return {
				name,
				isFolder: false,
				refused: warning(`not read: ${kindOf(entry)}, not a regular file`)
			};
		}
		let real: string | undefined;
		try {
			real = await this.#resolve(folder ? `${folder}/${name}` : name);
		} catch (error) {
			const reason = (error as Error).message;
			return {
				name,
				isFolder: false,
				refused: { severity: reason.startsWith('refused') ? 'error' : 'warning', reason }
			};
		}
		const info = real ? await stat(real).catch(() => undefined) : undefined;
		if (!info)
			return { name, isFolder: false, refused: warning('not read: a broken symbolic link') };
		if (info.isDirectory()) {
			return {
				name,
				isFolder: false,
				refused: warning(
					'not read: a symbolic link to a folder (a clip folder must be a real folder)'
				)
			};
		}
		if (!info.isFile()) {
			return {
				name,
				isFolder: false,
				refused: warning(`not read: a link to ${kindOf(info)}, not a regular file`)
			};
		}
		return { name, isFolder: false };
	}

	/**
	 * An open regular file of the collection, with its real path and size; undefined if it does
	 * not exist. Throws RefusedFile for anything else. The caller closes the handle.
	 */
	async #openRegular(path: string) {
		const real = await this.#resolve(path);
		if (real === undefined) return undefined;
		// A special file is refused without being opened: opening a device can have effects.
		const before = await stat(real);
		if (!before.isFile()) throw new RefusedFile(`not read: ${kindOf(before)}, not a regular file`);
		// Non-blocking, should it have become a pipe since; fstat then says what it is.
		const handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK).catch((error) => {
			throw new RefusedFile(`cannot be read (${code(error) ?? (error as Error).message})`);
		});
		const info = await handle.stat();
		if (!info.isFile()) {
			await handle.close();
			throw new RefusedFile(`not read: ${kindOf(info)}, not a regular file`);
		}
		return { handle, real, size: info.size };
	}

	/** The real path of a regular file of the collection; see #openRegular. */
	async regularFile(path: string): Promise<string | undefined> {
		const file = await this.#openRegular(path);
		await file?.handle.close();
		return file?.real;
	}

	/** A text file of the collection, or undefined if it does not exist; see #openRegular. */
	async readText(path: string): Promise<string | undefined> {
		const file = await this.#openRegular(path);
		if (!file) return undefined;
		try {
			if (file.size > MAX_TEXT_FILE_BYTES) {
				throw new RefusedFile(
					`not read: too large (${megabytes(file.size)}; the limit is ${megabytes(MAX_TEXT_FILE_BYTES)} per file)`
				);
			}
			// Never more than the size checked: a file that grows meanwhile is read up to it.
			const bytes = Buffer.alloc(file.size);
			const { bytesRead } = await file.handle.read(bytes, 0, file.size, 0);
			// Bytes that are not UTF-8 come back as U+FFFD, which the loader reports with their line.
			return bytes.toString('utf8', 0, bytesRead);
		} finally {
			await file.handle.close();
		}
	}
}

const warning = (reason: string) => ({ severity: 'warning' as const, reason });
