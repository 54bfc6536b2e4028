import { useCallback, useState } from 'react';
import { toApiError } from '@/services/api';
import { signInResident } from '@/services/auth/resident-sign-in';

export interface ResidentSignIn {
  signingIn: boolean;
  /** The last attempt's failure, in words for the resident. */
  error: string | null;
  signIn: () => Promise<void>;
}

/** WeChat login in the mini-program, the trial login in a browser; the session store does the rest. */
export function useResidentSignIn(): ResidentSignIn {
  const [signingIn, setSigningIn] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const signIn = useCallback(async () => {
    setSigningIn(true);
    setError(null);
    try {
      await signInResident();
    } catch (failure) {
      setError(toApiError(failure).message);
    } finally {
      setSigningIn(false);
    }
  }, []);
  return { signingIn, error, signIn };
}
