export default definePageConfig({
  navigationBarTitleText: '分拨台',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 80,
});
