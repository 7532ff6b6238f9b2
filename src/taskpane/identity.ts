/**
 * Who signs. Excel gives an add-in no user identity, so by default the signer types a name and a staff number,
 * remembered on this computer (localStorage) and labelled in the pane as self-declared. The port lets a school that
 * configures Microsoft Entra ID replace it: an Entra port (MSAL nested app authentication, `acquireTokenSilent` for
 * the signed-in account, name and employeeId from the token's claims) returns `kind: 'verified'` and an identity the
 * signer cannot edit. Nothing else in the pane changes.
 */

export interface SignerIdentity {
  name: string;
  /** 工号 (staff number); '' when the signer gave none. */
  staffId: string;
}

export interface IdentityPort {
  /** 'selfDeclared': typed by the signer, unverified; 'verified': from a sign-in the school configured. */
  readonly kind: 'selfDeclared' | 'verified';
  /** The identity remembered on this computer, or the signed-in account's. */
  load(): Promise<SignerIdentity | undefined>;
  /** Remembers a typed identity on this computer (ignored by verified ports). */
  remember(identity: SignerIdentity): void;
  forget(): void;
}

export const IDENTITY_KEY = 'degree-data.pane.signer';

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The self-declared identity, remembered per machine (per browser profile) in localStorage; nothing leaves it. */
export function createLocalIdentityPort(storage: KeyValueStore | undefined): IdentityPort {
  let memory: SignerIdentity | undefined;
  return {
    kind: 'selfDeclared',
    async load() {
      try {
        const text = storage?.getItem(IDENTITY_KEY);
        if (!text) return memory;
        const parsed = JSON.parse(text) as Partial<SignerIdentity>;
        if (typeof parsed.name !== 'string') return memory;
        return { name: parsed.name, staffId: typeof parsed.staffId === 'string' ? parsed.staffId : '' };
      } catch {
        return memory;
      }
    },
    remember(identity) {
      memory = { name: identity.name.trim(), staffId: identity.staffId.trim() };
      try {
        storage?.setItem(IDENTITY_KEY, JSON.stringify(memory));
      } catch {
        // Storage full or blocked: the identity is kept for this session only.
      }
    },
    forget() {
      memory = undefined;
      try {
        storage?.removeItem(IDENTITY_KEY);
      } catch {
        // nothing to forget
      }
    },
  };
}
