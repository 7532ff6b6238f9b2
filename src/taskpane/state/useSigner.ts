import * as React from 'react';
import type { IdentityPort, SignerIdentity } from '../identity';

export interface Signer {
  identity: SignerIdentity;
  /** 'selfDeclared' unless a school configured a verified sign-in. */
  kind: IdentityPort['kind'];
  /** The fields can be typed (self-declared identity). */
  editable: boolean;
  setName(name: string): void;
  setStaffId(staffId: string): void;
  /** Remembers the identity on this computer; called when it is used to sign or record. */
  remember(): void;
  /** The name is filled in. */
  ready: boolean;
}

const EMPTY: SignerIdentity = { name: '', staffId: '' };

/** The person who signs and records, shared by every step; loaded from the identity port once. */
export function useSigner(port: IdentityPort): Signer {
  const [identity, setIdentity] = React.useState<SignerIdentity>(EMPTY);
  const touched = React.useRef(false);
  React.useEffect(() => {
    let live = true;
    void port.load().then((loaded) => {
      if (live && loaded && !touched.current) setIdentity(loaded);
    });
    return () => {
      live = false;
    };
  }, [port]);
  const editable = port.kind === 'selfDeclared';
  const identityRef = React.useRef(identity);
  identityRef.current = identity;
  return {
    identity,
    kind: port.kind,
    editable,
    setName: (name) => {
      touched.current = true;
      setIdentity((current) => ({ ...current, name }));
    },
    setStaffId: (staffId) => {
      touched.current = true;
      setIdentity((current) => ({ ...current, staffId }));
    },
    remember: () => {
      if (editable && identityRef.current.name.trim()) port.remember(identityRef.current);
    },
    ready: identity.name.trim() !== '',
  };
}
