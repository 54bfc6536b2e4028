export default definePageConfig({
  navigationBarTitleText: '上报详情',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
