/**
 * Signatures of the required base image (`base-image-public-key`): cosign-compatible "simple signing". The
 * implementation is shared with the signed vulnerability data (`vuln-data-public-key`) in image/cosign.ts; this
 * module binds it to the base-image input's messages.
 */
import { loadPublicKey, type SignatureKey } from '../../image/cosign';

export { signatureTag, verifySignatureManifest, verifySimpleSigning, verifyStoredSignature } from '../../image/cosign';
export type { SignatureKey, SignatureVerdict, StoredSignature } from '../../image/cosign';

/** Reads and checks the PEM public key of `base-image-public-key`. A private key is refused, never used. */
export function loadSignatureKey(file: string): SignatureKey {
  return loadPublicKey(file, {
    input: 'base-image-public-key',
    what: 'the PEM public key the base image is signed with',
    signer: 'whoever signs the base image',
  });
}
