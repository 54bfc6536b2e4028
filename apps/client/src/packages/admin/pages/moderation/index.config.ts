export default definePageConfig({
  navigationBarTitleText: '审核队列',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 80,
});
