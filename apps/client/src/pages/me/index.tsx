import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import './index.css';

const HOTLINE = '12345';

const COLLECTED_DATA: readonly { title: string; text: string }[] = [
  { title: '照片', text: '您拍摄或选择的问题照片。照片上传后，系统会去除其中 EXIF 记录的拍摄地点等附加信息。' },
  { title: '位置', text: '问题所在位置，仅在您上报时获取，用于把问题派给负责该区域的部门。' },
  { title: '问题描述', text: '您填写的文字说明，用于判断问题类型和处置方式。' },
];

function callHotline(): void {
  void Taro.makePhoneCall({ phoneNumber: HOTLINE });
}

export default function MePage() {
  return (
    <View className="page">
      <View className="me-header">
        <Text className="me-header__name">随手拍 · 南京</Text>
        <Text id="app-version" className="me-header__version">
          版本 {APP_VERSION}
        </Text>
      </View>

      <View className="card me-hotline" id="hotline" onClick={callHotline}>
        <View className="me-hotline__text">
          <Text className="card__title">服务热线</Text>
          <Text className="card__text">政务服务便民热线，全天受理咨询、求助与投诉</Text>
        </View>
        <Text className="me-hotline__number">{HOTLINE}</Text>
      </View>

      <View className="card" id="privacy">
        <Text className="card__title">个人信息保护说明</Text>
        <Text className="card__text">我们只收集处理您上报的问题所必需的信息：</Text>
        {COLLECTED_DATA.map((item) => (
          <View key={item.title} className="me-privacy__item">
            <Text className="me-privacy__title">{item.title}</Text>
            <Text className="me-privacy__text">{item.text}</Text>
          </View>
        ))}
        <Text className="card__text me-privacy__closing">
          以上信息仅用于受理、派发和处置您上报的问题，不用于其他用途；公开展示问题时不会显示您的个人信息。
        </Text>
      </View>

      <View className="card" id="about">
        <Text className="card__title">关于随手拍</Text>
        <Text className="card__text">
          随手拍是南京市民参与城市管理的便捷渠道。路面破损、垃圾堆放、占道经营、设施损坏……看到了，拍下来，说一句，相关部门就会受理处置。
        </Text>
      </View>
    </View>
  );
}
