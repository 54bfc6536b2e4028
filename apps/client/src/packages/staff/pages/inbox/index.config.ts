export default definePageConfig({
  navigationBarTitleText: '工单箱',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 80,
});
