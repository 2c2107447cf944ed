a?.b`tpl`;
