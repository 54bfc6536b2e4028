export default definePageConfig({
  navigationBarTitleText: '上报结果',
});
