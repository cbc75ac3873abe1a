<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DateField</name>
    <message>
        <source>Pick a date</source>
        <translation>选择日期</translation>
    </message>
    <message>
        <source>Long-term</source>
        <translation>长期</translation>
    </message>
    <message>
        <source>Valid indefinitely (长期): stored as 2099-12-31</source>
        <translation>长期有效：保存为 2099-12-31</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Show sensitive information</source>
        <translation>显示敏感信息</translation>
    </message>
    <message>
        <source>Hide sensitive information</source>
        <translation>隐藏敏感信息</translation>
    </message>
    <message>
        <source>Rejection reason</source>
        <translation>驳回原因</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>State history</source>
        <translation>状态历史</translation>
    </message>
    <message>
        <source>Update expired qualification</source>
        <translation>更新过期资质</translation>
    </message>
    <message>
        <source>Prepare a corrected resubmission</source>
        <translation>准备修改后重新提交</translation>
    </message>
    <message>
        <source>Select a qualification to see its details.</source>
        <translation>选择一个资质查看详情。</translation>
    </message>
    <message>
        <source>Expiry: %1</source>
        <translation>有效期：%1</translation>
    </message>
    <message>
        <source>The review gave no reason.</source>
        <translation>审核未给出原因。</translation>
    </message>
    <message>
        <source>No suggestion for this reason: read it carefully, correct the draft and resubmit.</source>
        <translation>暂无针对此原因的建议：请仔细阅读原因，修改草稿后重新提交。</translation>
    </message>
    <message>
        <source>Suggested fix:</source>
        <translation>修改建议：</translation>
    </message>
    <message>
        <source>Audit time</source>
        <translation>审核时间</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>No state seen yet.</source>
        <translation>尚未记录状态。</translation>
    </message>
</context>
<context>
    <name>DraftEditor</name>
    <message>
        <source>← All drafts</source>
        <translation>← 全部草稿</translation>
    </message>
    <message>
        <source>(no enterprise name yet)</source>
        <translation>（尚未填写企业名称）</translation>
    </message>
    <message>
        <source>✓ All changes saved</source>
        <translation>✓ 所有修改已保存</translation>
    </message>
    <message>
        <source>Every edit is saved as you type.</source>
        <translation>每次修改都会在输入时自动保存。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Checking the image…</source>
        <translation>正在检查图片…</translation>
    </message>
    <message>
        <source>Reading the document (OCR)…</source>
        <translation>正在识别证件（OCR）…</translation>
    </message>
</context>
<context>
    <name>DraftsModel</name>
    <message>
        <source>Deleted</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>Last edited</source>
        <translation>最后编辑</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完成度</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>（尚无名称）</translation>
    </message>
    <message>
        <source>Draft %1</source>
        <translation>草稿 %1</translation>
    </message>
</context>
<context>
    <name>DraftsPage</name>
    <message>
        <source>New general qualification</source>
        <translation>新建通用资质</translation>
    </message>
    <message>
        <source>New 400-number qualification</source>
        <translation>新建 400 号码资质</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Import draft file…</source>
        <translation>导入草稿文件…</translation>
    </message>
    <message>
        <source>Export submission pack…</source>
        <translation>导出提交材料包…</translation>
    </message>
    <message>
        <source>Show trash</source>
        <translation>显示回收站</translation>
    </message>
    <message>
        <source>No drafts yet. Start a new qualification, or import a draft file.</source>
        <translation>还没有草稿。新建一个资质，或导入草稿文件。</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Sample documents to try are in {folder}</source>
        <translation>可用于试填的示例材料在 {folder}</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Could not open the folder {folder}</source>
        <translation>无法打开文件夹 {folder}</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Import a draft file</source>
        <translation>导入草稿文件</translation>
    </message>
    <message>
        <source>Draft files (*.json)</source>
        <translation>草稿文件 (*.json)</translation>
    </message>
    <message>
        <source>Export the submission pack</source>
        <translation>导出提交材料包</translation>
    </message>
</context>
<context>
    <name>ExpiryNotifier</name>
    <message>
        <source>QualDesk: qualification expiry</source>
        <translation>QualDesk：资质到期提醒</translation>
    </message>
    <message numerus="yes">
        <source>%n qualification(s) expired.</source>
        <translation>
            <numerusform>%n 个资质已过期。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n qualification(s) expiring soon.</source>
        <translation>
            <numerusform>%n 个资质即将过期。</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the tracker to update them.</source>
        <translation>请在资质跟踪中更新。</translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <source>Use the document&apos;s value</source>
        <translation>使用证件上的值</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Ready to submit</source>
        <translation>可以提交</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s) to review</source>
        <translation>
            <numerusform>%n 条警告待查看</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s) to fix</source>
        <translation>
            <numerusform>%n 个错误待修正</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 条警告</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImageZone</name>
    <message>
        <source>Drop an image here or choose a file (JPG, PNG or GIF, at most 5 MB).</source>
        <translation>将图片拖到这里或选择文件（JPG、PNG 或 GIF，不超过 5 MB）。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) attached</source>
        <translation>
            <numerusform>已附加 %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a file…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>替换…</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
</context>
<context>
    <name>QualificationModel</name>
    <message>
        <source>Qualification</source>
        <translation>资质名称</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Legal rep.</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Audit time</source>
        <translation>审核时间</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>工单号</translation>
    </message>
</context>
<context>
    <name>SectionPage</name>
    <message>
        <source>← Previous section</source>
        <translation>← 上一部分</translation>
    </message>
    <message>
        <source>Next section →</source>
        <translation>下一部分 →</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Alibaba Cloud credentials</source>
        <translation>阿里云凭据</translation>
    </message>
    <message>
        <source>AccessKey stored in the system keyring</source>
        <translation>使用保存在系统钥匙串中的 AccessKey</translation>
    </message>
    <message>
        <source>Use the aliyun CLI profile / environment variables</source>
        <translation>使用 aliyun CLI 配置 / 环境变量</translation>
    </message>
    <message>
        <source>Reads ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET or the aliyun CLI&apos;s current profile (~/.aliyun/config.json).</source>
        <translation>读取环境变量 ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET，或 aliyun CLI 的当前配置（~/.aliyun/config.json）。</translation>
    </message>
    <message>
        <source>AccessKey ID</source>
        <translation>AccessKey ID</translation>
    </message>
    <message>
        <source>AccessKey secret</source>
        <translation>AccessKey Secret</translation>
    </message>
    <message>
        <source>Paste the secret, then Save secret</source>
        <translation>粘贴密钥后点击“保存密钥”</translation>
    </message>
    <message>
        <source>Save secret</source>
        <translation>保存密钥</translation>
    </message>
    <message>
        <source>Service and sync</source>
        <translation>服务与同步</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>接入地址</translation>
    </message>
    <message>
        <source>Automatic sync every</source>
        <translation>自动同步间隔</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Warn before expiry</source>
        <translation>到期前提醒</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>OCR engine</source>
        <translation>OCR 引擎</translation>
    </message>
    <message>
        <source>Hide sensitive information by default</source>
        <translation>默认隐藏敏感信息</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>RapidOCR (built in, recommended)</source>
        <translation>RapidOCR（内置，推荐）</translation>
    </message>
    <message>
        <source>Tesseract</source>
        <translation>Tesseract</translation>
    </message>
    <message>
        <source>Enter the AccessKey ID first.</source>
        <translation>请先填写 AccessKey ID。</translation>
    </message>
    <message>
        <source>Paste the secret first.</source>
        <translation>请先粘贴密钥。</translation>
    </message>
    <message>
        <source>Saving the secret…</source>
        <translation>正在保存密钥…</translation>
    </message>
    <message>
        <source>Checking the system keyring…</source>
        <translation>正在查询系统钥匙串…</translation>
    </message>
    <message>
        <source>Secret stored in the system keyring.</source>
        <translation>密钥已保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>No system keyring is available: the secret is kept for this session only and will be asked for again next time.</source>
        <translation>系统钥匙串不可用：密钥仅在本次会话中保留，下次启动需重新输入。</translation>
    </message>
    <message>
        <source>No secret saved for this AccessKey ID.</source>
        <translation>尚未保存此 AccessKey ID 的密钥。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
</context>
<context>
    <name>Thumbnail</name>
    <message>
        <source>No image</source>
        <translation>无图片</translation>
    </message>
    <message>
        <source>Cannot show</source>
        <translation>无法显示</translation>
    </message>
    <message>
        <source>Click to see it at full size</source>
        <translation>点击查看原图</translation>
    </message>
</context>
<context>
    <name>TrackerPage</name>
    <message>
        <source>Search name, enterprise, person, work order…</source>
        <translation>搜索资质名称、企业、人员、工单号…</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Self-use and others</source>
        <translation>自用和他用</translation>
    </message>
    <message>
        <source>Self-use</source>
        <translation>自用</translation>
    </message>
    <message>
        <source>For others</source>
        <translation>他用</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Sensitive information protection: on</source>
        <translation>敏感信息保护：开</translation>
    </message>
    <message>
        <source>Sensitive information protection: off</source>
        <translation>敏感信息保护：关</translation>
    </message>
    <message>
        <source>Syncing with Alibaba Cloud…</source>
        <translation>正在与阿里云同步…</translation>
    </message>
    <message>
        <source>Sync cancelled; what was already fetched is kept.</source>
        <translation>同步已取消；已获取的数据会保留。</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>同步失败：%1</translation>
    </message>
</context>
<context>
    <name>UpdateBanner</name>
    <message>
        <source>Updating an expired qualification</source>
        <translation>正在更新过期资质</translation>
    </message>
    <message>
        <source>Expired: </source>
        <translation>已过期：</translation>
    </message>
    <message>
        <source>Upload the renewed documents and enter their new dates.</source>
        <translation>上传更新后的证件并填写新的日期。</translation>
    </message>
    <message>
        <source>Replace the expired documents and enter their new dates.</source>
        <translation>替换过期的证件并填写新的日期。</translation>
    </message>
</context>
</TS>
