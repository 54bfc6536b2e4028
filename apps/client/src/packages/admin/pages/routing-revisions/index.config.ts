export default definePageConfig({
  navigationBarTitleText: '派单规则版本',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 80,
});
