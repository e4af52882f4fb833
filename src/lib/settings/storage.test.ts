import { describe, expect, it } from 'vitest';
import { browserStorage, readSetting, saveSetting } from './storage.ts';

const refusing = {
	getItem() {
		throw new Error('SecurityError');
	},
	setItem() {
		throw new Error('QuotaExceededError');
	}
} as unknown as Storage;

describe('settings storage', () => {
	it('is absent where there is none, rather than throwing', () => {
		expect(browserStorage()).toBeUndefined();
		expect(readSetting(undefined, 'k')).toBeNull();
		expect(() => saveSetting(undefined, 'k', 'v')).not.toThrow();
	});

	it('treats a storage that refuses as empty', () => {
		expect(readSetting(refusing, 'k')).toBeNull();
		expect(() => saveSetting(refusing, 'k', 'v')).not.toThrow();
	});

	it('reads back what it saved', () => {
		const items = new Map<string, string>();
		const storage = {
			getItem: (key: string) => items.get(key) ?? null,
			setItem: (key: string, value: string) => void items.set(key, value)
		} as unknown as Storage;
		saveSetting(storage, 'testimony-player.theme', 'dark');
		expect(readSetting(storage, 'testimony-player.theme')).toBe('dark');
	});
});
