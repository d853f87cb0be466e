// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps the storage keys of a fleet's devices so that every bake gives a disk the key it had: the
 * key of (fleet, device, key id, generation) is drawn from {@link SecureRandom} the first time it is
 * asked for and persisted before it is used; a raised generation (rotation) gives a new key and
 * keeps the old one. The file (docs/formats.md section 5) never holds a key in plaintext: each
 * entry is sealed with AES-256-GCM under a {@link StorageKeyStoreMasterKey}, its identity and
 * position being the additional data, and a final GCM tag over the whole file detects removed,
 * reordered or truncated entries.
 * <p>
 * Opening verifies everything and fails closed: a store with an entry that does not verify is
 * refused as a whole (a bake must never draw a new key for a disk that already has one). Entries
 * are never changed or removed; adding one rewrites the file atomically (temporary file, forced to
 * disk, renamed). A lock file {@code <store>.lock} keeps two bakes from adding keys at once.
 * Thread-safe.
 */
public final class StorageKeyStore implements StorageKeys, AutoCloseable {

	static final byte[] MAGIC = "PPKSTORE".getBytes(StandardCharsets.US_ASCII);
	static final int VERSION = 1;
	private static final int ID_BYTES = 16;
	private static final int NONCE_BYTES = 12;
	private static final int TAG_BYTES = 16;
	private static final String LABEL = "parapet-key-store-v1/";

	/**
	 * One kept key's identity.
	 *
	 * @param fleet      fleet id
	 * @param device     device id
	 * @param keyId      storage key id
	 * @param generation rotation generation
	 * @param bits       key size in bits
	 */
	public record Entry(String fleet, String device, String keyId, long generation, int bits) {
		/** {@code fleet/device/key id generation N} for messages. */
		public String describe() {
			return fleet + "/" + device + "/" + keyId + " generation " + generation;
		}

		boolean same(String f, String d, String k, long g) {
			return fleet.equals(f) && device.equals(d) && keyId.equals(k) && generation == g;
		}
	}

	private record Sealed(Entry entry, byte[] nonce, byte[] sealed) {
	}

	private final Path file;
	private final StorageKeyStoreMasterKey master;
	private final SecureRandom random;
	private final FileChannel lockChannel;
	private final FileLock lock;
	private final byte[] storeId;
	private final byte[] checkNonce;
	private final byte[] checkTag;
	private final List<Sealed> entries;

	private StorageKeyStore(Path file, StorageKeyStoreMasterKey master, SecureRandom random, FileChannel lockChannel, FileLock lock,
			byte[] storeId, byte[] checkNonce, byte[] checkTag, List<Sealed> entries) {
		this.file = file;
		this.master = master;
		this.random = random;
		this.lockChannel = lockChannel;
		this.lock = lock;
		this.storeId = storeId;
		this.checkNonce = checkNonce;
		this.checkTag = checkTag;
		this.entries = entries;
	}

	/**
	 * Opens the existing store in {@code file} and verifies every entry under {@code master}. A
	 * missing file is an error, not an empty store: a mistyped path must not give every disk a new
	 * key. The caller closes the store; the master key stays the caller's.
	 *
	 * @throws StorageKeyStoreException if the store is damaged, altered, truncated or sealed under another key
	 * @throws IOException              if it does not exist or cannot be read or locked
	 */
	public static StorageKeyStore open(Path file, StorageKeyStoreMasterKey master) throws IOException {
		if (!Files.exists(file)) {
			throw new IOException("key store " + file.toAbsolutePath() + " does not exist (create it explicitly for a fleet's first"
					+ " bake with a store)");
		}
		return openOrCreate(file, master);
	}

	/**
	 * As {@link #open(Path, StorageKeyStoreMasterKey)}, but a missing file is created as an empty
	 * store bound to {@code master}.
	 */
	public static StorageKeyStore openOrCreate(Path file, StorageKeyStoreMasterKey master) throws IOException {
		Path target = file.toAbsolutePath();
		Path lockFile = target.resolveSibling(target.getFileName() + ".lock");
		Files.createDirectories(target.getParent());
		FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		boolean ok = false;
		try {
			FileLock lock;
			try {
				lock = channel.tryLock();
			} catch (OverlappingFileLockException e) {
				lock = null;
			}
			if (lock == null) {
				throw new IOException("key store " + target + " is in use by another bake (" + lockFile + " is locked)");
			}
			SecureRandom random = new SecureRandom();
			StorageKeyStore store;
			if (Files.exists(target)) {
				store = read(target, master, random, channel, lock);
			} else {
				byte[] id = new byte[ID_BYTES];
				random.nextBytes(id);
				byte[] nonce = nonce(random);
				byte[] tag = seal(master, target, nonce, checkAad(id), new byte[0]);
				store = new StorageKeyStore(target, master, random, channel, lock, id, nonce, tag, new ArrayList<>());
				store.write();
			}
			ok = true;
			return store;
		} finally {
			if (!ok) {
				channel.close();
			}
		}
	}

	/** The store's file. */
	public Path file() {
		return file;
	}

	/** Identities of the kept keys, oldest first. */
	public synchronized List<Entry> entries() {
		return entries.stream().map(Sealed::entry).toList();
	}

	@Override
	public boolean persistent() {
		return true;
	}

	/**
	 * The kept key of (fleet, device, key id, generation), or a new one drawn from
	 * {@link SecureRandom} and written to the store before it is returned.
	 *
	 * @throws StorageKeyStoreException if the entry exists with another size (a size change needs a new generation)
	 */
	@Override
	public synchronized byte[] key(String fleet, String device, String keyId, long generation, int bits) throws IOException {
		if (bits != 256 && bits != 512) {
			throw new IllegalArgumentException("storage key " + keyId + ": XTS key size " + bits + " is not 256 or 512");
		}
		for (int i = 0; i < entries.size(); i++) {
			Sealed s = entries.get(i);
			if (s.entry().same(fleet, device, keyId, generation)) {
				if (s.entry().bits() != bits) {
					throw new StorageKeyStoreException("key store " + file + ": entry " + i + " (" + s.entry().describe() + ") holds a "
							+ s.entry().bits() + "-bit key but the policy asks for " + bits + " bits; raise the key's generation to rotate it");
				}
				return unsealEntry(master, file, storeId, i, s);
			}
		}
		Entry entry = new Entry(fleet, device, keyId, generation, bits);
		byte[] key = new byte[bits / 8];
		random.nextBytes(key);
		boolean kept = false;
		try {
			byte[] nonce = nonce(random);
			entries.add(new Sealed(entry, nonce, seal(master, file, nonce, entryAad(storeId, entries.size(), entry), key)));
			try {
				write();
			} catch (IOException | RuntimeException e) {
				entries.removeLast();
				throw e;
			}
			kept = true;
			return key;
		} finally {
			if (!kept) {
				Arrays.fill(key, (byte) 0);
			}
		}
	}

	/** Releases the lock file; the master key stays open. */
	@Override
	public synchronized void close() throws IOException {
		try {
			lock.release();
		} finally {
			lockChannel.close();
		}
	}

	private void write() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(MAGIC);
		out.write(VERSION >>> 8);
		out.write(VERSION);
		out.writeBytes(storeId);
		out.writeBytes(checkNonce);
		out.writeBytes(checkTag);
		out.writeBytes(ByteBuffer.allocate(4).putInt(entries.size()).array());
		for (Sealed s : entries) {
			out.writeBytes(identity(s.entry()));
			out.writeBytes(s.nonce());
			out.writeBytes(s.sealed());
		}
		byte[] body = out.toByteArray();
		byte[] nonce = nonce(random);
		byte[] tag = seal(master, file, nonce, sealAad(body), new byte[0]);
		out.writeBytes(nonce);
		out.writeBytes(tag);
		byte[] all = out.toByteArray();
		AtomicFiles.writePrivate(file, ch -> {
			ByteBuffer b = ByteBuffer.wrap(all);
			while (b.hasRemaining()) {
				ch.write(b);
			}
		});
	}

	private static StorageKeyStore read(Path file, StorageKeyStoreMasterKey master, SecureRandom random, FileChannel channel, FileLock lock)
			throws IOException {
		byte[] data = Files.readAllBytes(file);
		Reader r = new Reader(file, data);
		if (!Arrays.equals(r.bytes(MAGIC.length, "magic"), MAGIC)) {
			throw new StorageKeyStoreException("key store " + file + " is not a Parapet storage-key store (bad magic)");
		}
		int version = r.u16("version");
		if (version != VERSION) {
			throw new StorageKeyStoreException("key store " + file + " has format version " + version + "; this Parapet reads " + VERSION);
		}
		byte[] id = r.bytes(ID_BYTES, "store id");
		byte[] checkNonce = r.bytes(NONCE_BYTES, "key check nonce");
		byte[] checkTag = r.bytes(TAG_BYTES, "key check tag");
		try {
			master.unseal(checkNonce, checkAad(id), checkTag);
		} catch (GeneralSecurityException e) {
			throw new StorageKeyStoreException("key store " + file + " is not sealed under " + master.describe()
					+ " (key check failed): wrong master key, or the header was altered", e);
		}
		long count = r.u32("entry count");
		List<Sealed> entries = new ArrayList<>();
		for (long i = 0; i < count; i++) {
			String what = "entry " + i;
			Entry e = new Entry(r.text(what + " fleet"), r.text(what + " device"), r.text(what + " key id"), r.u64(what + " generation"),
					r.u16(what + " bits"));
			if (e.bits() != 256 && e.bits() != 512) {
				throw new StorageKeyStoreException("key store " + file + ": entry " + i + " (" + e.describe() + ") has key size " + e.bits()
						+ " bits, not 256 or 512: the store was altered or damaged");
			}
			Sealed s = new Sealed(e, r.bytes(NONCE_BYTES, what + " nonce"), r.bytes(e.bits() / 8 + TAG_BYTES, what + " sealed key"));
			for (int j = 0; j < entries.size(); j++) {
				if (entries.get(j).entry().same(e.fleet(), e.device(), e.keyId(), e.generation())) {
					throw new StorageKeyStoreException("key store " + file + ": entries " + j + " and " + i + " both hold " + e.describe());
				}
			}
			Arrays.fill(unsealEntry(master, file, id, (int) i, s), (byte) 0);
			entries.add(s);
		}
		int bodyEnd = r.position();
		byte[] sealNonce = r.bytes(NONCE_BYTES, "seal nonce");
		byte[] sealTag = r.bytes(TAG_BYTES, "seal tag");
		if (r.position() != data.length) {
			throw new StorageKeyStoreException("key store " + file + " has " + (data.length - r.position()) + " bytes after its seal");
		}
		try {
			master.unseal(sealNonce, sealAad(Arrays.copyOf(data, bodyEnd)), sealTag);
		} catch (GeneralSecurityException e) {
			throw new StorageKeyStoreException("key store " + file + ": the seal over the whole store does not verify (entries removed,"
					+ " reordered or the entry count altered); refusing to use it", e);
		}
		return new StorageKeyStore(file, master, random, channel, lock, id, checkNonce, checkTag, entries);
	}

	private static byte[] unsealEntry(StorageKeyStoreMasterKey master, Path file, byte[] storeId, int index, Sealed s)
			throws StorageKeyStoreException {
		try {
			return master.unseal(s.nonce(), entryAad(storeId, index, s.entry()), s.sealed());
		} catch (GeneralSecurityException e) {
			throw new StorageKeyStoreException("key store " + file + ": entry " + index + " (" + s.entry().describe()
					+ ") does not verify under " + master.describe() + ": the store was altered or damaged; refusing to bake"
					+ " (a new key would make the data on that disk unreadable)", e);
		}
	}

	private static byte[] seal(StorageKeyStoreMasterKey master, Path file, byte[] nonce, byte[] aad, byte[] plaintext) throws IOException {
		try {
			return master.seal(nonce, aad, plaintext);
		} catch (GeneralSecurityException e) {
			throw new IOException("key store " + file + ": cannot seal with " + master.describe() + ": " + e.getMessage(), e);
		}
	}

	private static byte[] nonce(SecureRandom r) {
		byte[] n = new byte[NONCE_BYTES];
		r.nextBytes(n);
		return n;
	}

	/** Identity bytes of an entry as stored: L(fleet) L(device) L(key id) generation(8) bits(2). */
	static byte[] identity(Entry e) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (String s : new String[] { e.fleet(), e.device(), e.keyId() }) {
			byte[] u = s.getBytes(StandardCharsets.UTF_8);
			if (u.length == 0 || u.length > 0xffff) {
				throw new IllegalArgumentException("key store names must be 1 to 65535 UTF-8 bytes");
			}
			out.write(u.length >>> 8);
			out.write(u.length);
			out.writeBytes(u);
		}
		out.writeBytes(ByteBuffer.allocate(10).putLong(e.generation()).putShort((short) e.bits()).array());
		return out.toByteArray();
	}

	private static byte[] checkAad(byte[] storeId) {
		return concat(LABEL + "check", storeId);
	}

	private static byte[] entryAad(byte[] storeId, int index, Entry e) {
		return concat(LABEL + "entry", storeId, ByteBuffer.allocate(4).putInt(index).array(), identity(e));
	}

	private static byte[] sealAad(byte[] body) throws IOException {
		try {
			return concat(LABEL + "seal", MessageDigest.getInstance("SHA-256").digest(body));
		} catch (GeneralSecurityException e) {
			throw new IOException(e);
		}
	}

	private static byte[] concat(String label, byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
		for (byte[] p : parts) {
			out.writeBytes(p);
		}
		return out.toByteArray();
	}

	/** Bounds-checked big-endian reader that names what is missing. */
	private static final class Reader {
		private final Path file;
		private final ByteBuffer buffer;

		Reader(Path file, byte[] data) {
			this.file = file;
			this.buffer = ByteBuffer.wrap(data);
		}

		int position() {
			return buffer.position();
		}

		byte[] bytes(int n, String what) throws StorageKeyStoreException {
			if (buffer.remaining() < n) {
				throw new StorageKeyStoreException("key store " + file + " is truncated: " + what + " at byte " + buffer.position() + " needs "
						+ n + " bytes, " + buffer.remaining() + " left");
			}
			byte[] b = new byte[n];
			buffer.get(b);
			return b;
		}

		int u16(String what) throws StorageKeyStoreException {
			return ByteBuffer.wrap(bytes(2, what)).getShort() & 0xffff;
		}

		long u32(String what) throws StorageKeyStoreException {
			return ByteBuffer.wrap(bytes(4, what)).getInt() & 0xffffffffL;
		}

		long u64(String what) throws StorageKeyStoreException {
			long v = ByteBuffer.wrap(bytes(8, what)).getLong();
			if (v < 0) {
				throw new StorageKeyStoreException("key store " + file + ": " + what + " is out of range");
			}
			return v;
		}

		String text(String what) throws StorageKeyStoreException {
			int n = u16(what + " length");
			if (n == 0) {
				throw new StorageKeyStoreException("key store " + file + ": " + what + " is empty");
			}
			return new String(bytes(n, what), StandardCharsets.UTF_8);
		}
	}
}
