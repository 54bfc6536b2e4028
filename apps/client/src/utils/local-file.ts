import Taro from '@tarojs/taro';
import { isWeapp } from './platform';

/**
 * Whether a photo chosen earlier can still be read. On H5 `chooseMedia` hands out blob: URLs, which
 * die with the document that made them (a reload); on weapp temp files go when the app is destroyed.
 */
export async function isLocalFileAvailable(path: string): Promise<boolean> {
  if (isWeapp()) {
    return new Promise((resolve) => {
      Taro.getFileSystemManager().access({ path, success: () => resolve(true), fail: () => resolve(false) });
    });
  }
  try {
    const response = await fetch(path);
    return response.ok;
  } catch {
    return false;
  }
}
