"""Replaces the community hook, which ships all of jieba's data (about 30 MB, including the Paddle
model). Duidu only segments with the main dictionary; see duidu_bundle.jieba_datas."""

datas: list[tuple[str, str]] = []  # dict.txt comes from duidu_bundle.datas(); nothing else
