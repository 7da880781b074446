"""Fictitious Chinese names, the same for the same index: the demo and the bench draw every
person's name from here so no name belongs to anyone real by design."""

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = "建国伟华秀英明军红梅丽强文平志勇海燕玉兰春桂芳德林成国庆永刚晓东小红长江卫东淑珍金凤桂英"


def person_name(index: int) -> str:
    surname = SURNAMES[index % len(SURNAMES)]
    given = GIVEN[(index * 7) % len(GIVEN)] + GIVEN[(index * 13 + 3) % len(GIVEN)]
    return surname + (given if index % 3 else given[0])
