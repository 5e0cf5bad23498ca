# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'assessment_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_AssessmentDialog(object):
    def setupUi(self, AssessmentDialog):
        if not AssessmentDialog.objectName():
            AssessmentDialog.setObjectName(u"AssessmentDialog")
        AssessmentDialog.resize(960, 480)
        AssessmentDialog.setSizeGripEnabled(True)
        self.main_layout = QVBoxLayout(AssessmentDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.subject_label = QLabel(AssessmentDialog)
        self.subject_label.setObjectName(u"subject_label")
        self.subject_label.setWordWrap(True)

        self.main_layout.addWidget(self.subject_label)

        self.columns = QHBoxLayout()
        self.columns.setSpacing(24)
        self.columns.setObjectName(u"columns")
        self.period_column = QVBoxLayout()
        self.period_column.setObjectName(u"period_column")
        self.period_form = QFormLayout()
        self.period_form.setObjectName(u"period_form")
        self.period_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.period_form.setHorizontalSpacing(12)
        self.period_form.setVerticalSpacing(6)
        self.period_label = QLabel(AssessmentDialog)
        self.period_label.setObjectName(u"period_label")

        self.period_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.period_label)

        self.period = QComboBox(AssessmentDialog)
        self.period.setObjectName(u"period")
        self.period.setEditable(True)

        self.period_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.period)

        self.written_on_label = QLabel(AssessmentDialog)
        self.written_on_label.setObjectName(u"written_on_label")

        self.period_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.written_on_label)

        self.written_on = QLineEdit(AssessmentDialog)
        self.written_on.setObjectName(u"written_on")
        self.written_on.setMaxLength(10)

        self.period_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.written_on)

        self.author_label = QLabel(AssessmentDialog)
        self.author_label.setObjectName(u"author_label")

        self.period_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.author_label)

        self.author = QLineEdit(AssessmentDialog)
        self.author.setObjectName(u"author")
        self.author.setMaxLength(120)

        self.period_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.author)

        self.rating_label = QLabel(AssessmentDialog)
        self.rating_label.setObjectName(u"rating_label")

        self.period_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.rating_label)

        self.rating = QComboBox(AssessmentDialog)
        self.rating.setObjectName(u"rating")

        self.period_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.rating)

        self.has_stable_work_label = QLabel(AssessmentDialog)
        self.has_stable_work_label.setObjectName(u"has_stable_work_label")

        self.period_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.has_stable_work_label)

        self.has_stable_work = QComboBox(AssessmentDialog)
        self.has_stable_work.setObjectName(u"has_stable_work")

        self.period_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.has_stable_work)

        self.complied_label = QLabel(AssessmentDialog)
        self.complied_label.setObjectName(u"complied_label")

        self.period_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.complied_label)

        self.complied = QComboBox(AssessmentDialog)
        self.complied.setObjectName(u"complied")

        self.period_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.complied)

        self.reported_on_time_label = QLabel(AssessmentDialog)
        self.reported_on_time_label.setObjectName(u"reported_on_time_label")

        self.period_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.reported_on_time_label)

        self.reported_on_time = QComboBox(AssessmentDialog)
        self.reported_on_time.setObjectName(u"reported_on_time")

        self.period_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.reported_on_time)


        self.period_column.addLayout(self.period_form)

        self.period_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.period_column.addItem(self.period_spacer)


        self.columns.addLayout(self.period_column)

        self.text_form = QFormLayout()
        self.text_form.setObjectName(u"text_form")
        self.text_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.text_form.setHorizontalSpacing(12)
        self.text_form.setVerticalSpacing(6)
        self.content_label = QLabel(AssessmentDialog)
        self.content_label.setObjectName(u"content_label")

        self.text_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.content_label)

        self.content = QPlainTextEdit(AssessmentDialog)
        self.content.setObjectName(u"content")
        self.content.setTabChangesFocus(True)

        self.text_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.content)

        self.next_steps_label = QLabel(AssessmentDialog)
        self.next_steps_label.setObjectName(u"next_steps_label")

        self.text_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.next_steps_label)

        self.next_steps = QPlainTextEdit(AssessmentDialog)
        self.next_steps.setObjectName(u"next_steps")
        self.next_steps.setTabChangesFocus(True)

        self.text_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.next_steps)


        self.columns.addLayout(self.text_form)

        self.history_box = QGroupBox(AssessmentDialog)
        self.history_box.setObjectName(u"history_box")
        self.history_layout = QVBoxLayout(self.history_box)
        self.history_layout.setObjectName(u"history_layout")
        self.history_text = QPlainTextEdit(self.history_box)
        self.history_text.setObjectName(u"history_text")
        self.history_text.setReadOnly(True)

        self.history_layout.addWidget(self.history_text)


        self.columns.addWidget(self.history_box)

        self.columns.setStretch(0, 2)
        self.columns.setStretch(1, 3)
        self.columns.setStretch(2, 2)

        self.main_layout.addLayout(self.columns)

        self.hint_label = QLabel(AssessmentDialog)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setWordWrap(True)

        self.main_layout.addWidget(self.hint_label)

        self.general_problem = QLabel(AssessmentDialog)
        self.general_problem.setObjectName(u"general_problem")
        self.general_problem.setWordWrap(True)

        self.main_layout.addWidget(self.general_problem)

        self.buttons = QDialogButtonBox(AssessmentDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.period_label.setBuddy(self.period)
        self.written_on_label.setBuddy(self.written_on)
        self.author_label.setBuddy(self.author)
        self.rating_label.setBuddy(self.rating)
        self.has_stable_work_label.setBuddy(self.has_stable_work)
        self.complied_label.setBuddy(self.complied)
        self.reported_on_time_label.setBuddy(self.reported_on_time)
        self.content_label.setBuddy(self.content)
        self.next_steps_label.setBuddy(self.next_steps)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.period, self.written_on)
        QWidget.setTabOrder(self.written_on, self.author)
        QWidget.setTabOrder(self.author, self.rating)
        QWidget.setTabOrder(self.rating, self.has_stable_work)
        QWidget.setTabOrder(self.has_stable_work, self.complied)
        QWidget.setTabOrder(self.complied, self.reported_on_time)
        QWidget.setTabOrder(self.reported_on_time, self.content)
        QWidget.setTabOrder(self.content, self.next_steps)

        self.retranslateUi(AssessmentDialog)

        QMetaObject.connectSlotsByName(AssessmentDialog)
    # setupUi

    def retranslateUi(self, AssessmentDialog):
        pass
    # retranslateUi

