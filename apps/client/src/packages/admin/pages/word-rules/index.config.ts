export default definePageConfig({
  navigationBarTitleText: '敏感词管理',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 80,
});
