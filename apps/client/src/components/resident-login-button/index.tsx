import { Button } from '@tarojs/components';
import { isWeapp } from '@/utils/platform';

interface ResidentLoginButtonProps {
  className?: string;
  signingIn: boolean;
  onSignIn: () => Promise<void>;
}

/** 微信登录 in the mini-program, 体验登录 (the trial login) in a browser. */
export function ResidentLoginButton({ className, signingIn, onSignIn }: ResidentLoginButtonProps) {
  return (
    <Button
      id="resident-login"
      className={`primary-button${className ? ` ${className}` : ''}`}
      loading={signingIn}
      disabled={signingIn}
      onClick={() => void onSignIn()}
    >
      {isWeapp() ? '微信登录' : '体验登录'}
    </Button>
  );
}
