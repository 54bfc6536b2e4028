export default defineAppConfig({
  pages: ['pages/index/index', 'pages/mine/index', 'pages/me/index'],
  // Everything that is not a tab page lives in a subpackage, keeping the main package far below
  // WeChat's 2 MB limit as the report flow grows.
  subPackages: [
    {
      root: 'packages/report',
      pages: ['pages/category/index', 'pages/new/index', 'pages/result/index', 'pages/detail/index', 'pages/nearby/index'],
    },
    { root: 'packages/staff', pages: ['pages/login/index', 'pages/inbox/index', 'pages/ticket/index'] },
    {
      root: 'packages/admin',
      pages: [
        'pages/triage/index',
        'pages/moderation/index',
        'pages/word-rules/index',
        'pages/classification-rules/index',
        'pages/routing-rules/index',
        'pages/routing-revisions/index',
        'pages/dashboard/index',
      ],
    },
  ],
  window: {
    navigationBarTitleText: '随手拍',
    navigationBarBackgroundColor: '#1d5fb4',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f3f5f8',
    backgroundTextStyle: 'dark',
  },
  // Icons are drawn by scripts/make-tab-icons.js (≈0.5 KB each).
  tabBar: {
    color: '#8a94a3',
    selectedColor: '#1d5fb4',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab-bar/home.png',
        selectedIconPath: 'assets/tab-bar/home-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的上报',
        iconPath: 'assets/tab-bar/mine.png',
        selectedIconPath: 'assets/tab-bar/mine-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab-bar/me.png',
        selectedIconPath: 'assets/tab-bar/me-active.png',
      },
    ],
  },
  // WeChat refuses location APIs that are not declared here (and reviewed) before the release.
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: {
    'scope.userLocation': { desc: '用于确定您上报问题的位置、查看您附近的问题，便于相关部门及时处置' },
  },
  lazyCodeLoading: 'requiredComponents',
});
